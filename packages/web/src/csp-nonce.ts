/**
 * The style nonce the server wrote into this page (Vite's `<meta property="csp-nonce">`, see
 * packages/server/src/console/console.routes.ts). The Content-Security-Policy allows `<style>`
 * elements by that nonce only. Read once: browsers hide the nonce attribute after load, but keep the
 * `nonce` property.
 */
export const cspNonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

/**
 * Gives each `<style>` element that the console's own scripts create the page's nonce. antd hands
 * the nonce from ConfigProvider's `csp` to its CSS-in-JS, but @rc-component/util's scrollbar measure
 * (used by Table) creates its `<style>` without it (react-component/util#613, ant-design#58150), and
 * the policy would block it. Scripts run only from 'self', so a style one creates is the console's;
 * a `<style>` injected as markup is not created this way, lacks the nonce and stays blocked.
 */
export function nonceScriptCreatedStyles(nonce: string | undefined): void {
  if (!nonce) return;
  const createElement = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = createElement(tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  }) as typeof document.createElement;
}
