import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { DefinitionProblem, ElsaImportAnswer, ImportNote } from '../api/types';
import { FilePicker } from '../components/FilePicker';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { errorText } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../session';
import { importProblemText, noteText, splitNotes } from './elsaImport';

/**
 * 导入 Elsa 流程: uploads an Elsa 3 flowchart export, which the host saves as a draft of the community being worked in
 * (or a shared one, for an administrator who ticks it), and shows the report — what was left out, what came in changed —
 * with the way to the draft.
 */
export function ElsaImport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const { community, isAdministrator } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ElsaImportAnswer | null>(null);
  const [refusal, setRefusal] = useState<{ text: string; notes: ImportNote[]; problems: DefinitionProblem[] } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAnswer(null);
    if (!file) { setRefusal({ text: t('elsaImportChooseFile'), notes: [], problems: [] }); return; }
    setRefusal(null);
    setBusy(true);
    try {
      const owner = !shared && community ? `?communityId=${encodeURIComponent(community.id)}` : '';
      setAnswer(await request<ElsaImportAnswer>(`/api/workflows/import/elsa${owner}`, { method: 'POST', body: await file.text() }));
      onImported();
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : {};
      setRefusal({ text: errorText(err, t('requestFailed')), notes: problem.notes ?? [], problems: problem.problems ?? [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="elsa-import-title" data-testid="elsa-import">
      <h2 id="elsa-import-title">{t('elsaImportTitle')}</h2>
      <p className="muted">{t('elsaImportHelp')}</p>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <FilePicker id="elsa-file" label={t('elsaImportFile')} accept=".json,application/json" fileName={file?.name ?? null} onChange={setFile} />
        {isAdministrator ? <label className="check"><input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> {t('makeShared')}</label> : null}
        <button type="submit" disabled={busy}>{busy ? t('elsaImporting') : t('elsaImportButton')}</button>
      </form>
      {refusal ? (
        <Message kind="error" testId="elsa-import-error">
          <p>{refusal.text}</p>
          {refusal.problems.length > 0 ? <><p>{t('elsaImportProblems')}</p><ul>{refusal.problems.map((p, i) => <li key={i}>{importProblemText(p, t)}</li>)}</ul></> : null}
          <NoteList title={t('elsaImportSkipped')} notes={splitNotes(refusal.notes).skipped} />
          <NoteList title={t('elsaImportChanged')} notes={splitNotes(refusal.notes).changed} />
        </Message>
      ) : null}
      {answer ? <ElsaImportReport answer={answer} /> : null}
    </section>
  );
}

/** The report of an import that saved a draft. */
export function ElsaImportReport({ answer }: { answer: ElsaImportAnswer }) {
  const { t } = useI18n();
  const { skipped, changed } = splitNotes(answer.notes);
  const id = answer.version.definitionId;
  return (
    <div data-testid="elsa-import-report">
      <Message kind={skipped.length > 0 ? 'warning' : 'success'}>
        {t('elsaImportDone', { id, version: answer.version.version, read: answer.activitiesRead, imported: answer.activitiesImported })}
        {answer.notes.length === 0 ? ` ${t('elsaImportClean')}` : null}
      </Message>
      <NoteList title={t('elsaImportSkipped')} notes={skipped} testId="elsa-import-skipped" />
      <NoteList title={t('elsaImportChanged')} notes={changed} testId="elsa-import-changed" />
      <p><Link to={`/designer/${id}`} className="button">{t('elsaImportOpenDraft')}<span className="sr-only"> {id}</span></Link></p>
    </div>
  );
}

function NoteList({ title, notes, testId }: { title: string; notes: ImportNote[]; testId?: string }) {
  const { t } = useI18n();
  if (notes.length === 0) return null;
  return (
    <>
      <h3>{title} · {notes.length}</h3>
      <ul data-testid={testId}>{notes.map((n, i) => <li key={i}>{noteText(n, t)}</li>)}</ul>
    </>
  );
}
