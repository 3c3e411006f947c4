import { KeyOutlined, LockOutlined, LogoutOutlined, ReadOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../api/auth.ts';
import { LANGUAGES, type Language, setLanguage } from '../i18n/index.ts';
import { useTimeZone } from '../settings/time-zone.tsx';
import { ApiTokensDrawer } from './account/ApiTokensDrawer.tsx';
import { ChangePasswordDialog } from './account/ChangePasswordDialog.tsx';

/** Where the server serves its OpenAPI explorer. */
const API_DOCS = '/api/docs/';

/**
 * The logged-in user's menu: password, API tokens, language, time zone (local or UTC), the API docs
 * and logging out. It opens on click, so Enter and Space open it too.
 */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { zone, setZone } = useTimeZone();
  const [open, setOpen] = useState<'password' | 'tokens' | null>(null);

  const items: MenuProps['items'] = [
    { key: 'password', icon: <LockOutlined aria-hidden />, label: t('header.changePassword') },
    { key: 'tokens', icon: <KeyOutlined aria-hidden />, label: t('header.apiTokens') },
    { type: 'divider' },
    {
      type: 'group',
      label: t('header.language'),
      children: LANGUAGES.map((l) => ({ key: `language:${l.code}`, label: l.label, lang: l.code })),
    },
    {
      type: 'group',
      label: t('header.timeZone'),
      children: [
        { key: 'zone:local', label: t('header.timeZone.local') },
        { key: 'zone:utc', label: t('header.timeZone.utc') },
      ],
    },
    { type: 'divider' },
    {
      key: 'docs',
      icon: <ReadOutlined aria-hidden />,
      label: (
        <a href={API_DOCS} target="_blank" rel="noreferrer">
          {t('header.apiDocs')}
        </a>
      ),
    },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('header.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password' || key === 'tokens') setOpen(key);
    else if (key.startsWith('language:')) setLanguage(key.slice('language:'.length) as Language);
    else if (key === 'zone:local' || key === 'zone:utc') setZone(key === 'zone:utc' ? 'utc' : 'local');
    else if (key === 'logout')
      logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        autoFocus
        menu={{
          items,
          onClick,
          selectable: true,
          // The current language and zone show as selected; choosing keeps the menu's own state out.
          selectedKeys: [`language:${i18n.language}`, `zone:${zone}`],
        }}
      >
        <Button icon={<UserOutlined aria-hidden />} data-testid="user-menu">
          {me.data?.username}
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={open === 'password'} onClose={() => setOpen(null)} />
      <ApiTokensDrawer open={open === 'tokens'} onClose={() => setOpen(null)} />
    </>
  );
}
