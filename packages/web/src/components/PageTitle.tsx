import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets the window title to the page's own, most specific part first and "Weir" last
 * (`orders · Topics · demo · Weir`), so tabs, history and screen readers tell pages apart.
 * Empty parts (a name not loaded yet) are left out.
 */
export function usePageTitle(...parts: (string | null | undefined)[]): void {
  const { t } = useTranslation();
  const title = [...parts.filter((part): part is string => Boolean(part)), t('app.name')].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** The page's one `h1`, at the size the console uses for page headings. */
export function PageHeading({ children, flush }: { children: ReactNode; flush?: boolean }) {
  return (
    <Typography.Title
      level={1}
      style={{ fontSize: 24, lineHeight: 1.35, margin: 0, marginBottom: flush ? 0 : 16 }}
    >
      {children}
    </Typography.Title>
  );
}
