import { theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Skip to content", the first stop of the Tab key: hidden until focused, then shown over the page;
 * following it moves focus to the main landmark (WCAG 2.4.1, bypass blocks).
 */
export function SkipLink({ target }: { target: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [focused, setFocused] = useState(false);
  return (
    <a
      href={`#${target}`}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
      style={
        focused
          ? {
              position: 'fixed',
              top: 8,
              left: 8,
              zIndex: 2000,
              padding: '8px 16px',
              background: token.colorBgElevated,
              color: token.colorLink,
              border: `2px solid ${token.colorPrimary}`,
              borderRadius: token.borderRadius,
            }
          : { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }
      }
    >
      {t('header.skipToContent')}
    </a>
  );
}
