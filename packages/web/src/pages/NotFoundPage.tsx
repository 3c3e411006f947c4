import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { usePageTitle } from '../components/PageTitle.tsx';

/** An address no console page has: said plainly, with the way back, instead of a silent redirect. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const location = useLocation();
  usePageTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFound.title')}</h1>}
      subTitle={t('notFound.explain', { path: `${location.pathname}${location.search}` })}
      extra={<Link to="/clusters">{t('notFound.back')}</Link>}
    />
  );
}
