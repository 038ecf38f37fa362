import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <Link to={home}>{t('notFound.home')}</Link>
    </>
  );
}
