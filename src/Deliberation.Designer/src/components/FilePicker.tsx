import { useI18n } from '../i18n/I18n';

/**
 * A file field in the page's language: the browser's own button speaks the browser's language ("Choose File"), so
 * the input is hidden behind a button of ours, with the chosen file's name beside it. The input keeps its label for
 * screen readers and tests.
 */
export function FilePicker({ id, label, accept, capture, fileName, onChange }: {
  id: string; label: string; accept: string; capture?: 'environment' | 'user'; fileName: string | null; onChange: (file: File | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field file-picker">
      <input id={id} type="file" accept={accept} capture={capture} aria-label={label} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
      <label htmlFor={id} className="button" aria-hidden="true">{t('chooseFile')}</label>
      <span data-testid={`${id}-name`}>{fileName ?? t('noFileChosen')}</span>
    </div>
  );
}
