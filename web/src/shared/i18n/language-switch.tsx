import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n';

/** A native select: keyboard and screen-reader behaviour for free, and it fits at 360 px. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label style={{ display: 'inline-flex', gap: 'var(--space-2)', alignItems: 'center' }}>
      <span>{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
        style={{ minHeight: 'var(--target-min)', font: 'inherit' }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
