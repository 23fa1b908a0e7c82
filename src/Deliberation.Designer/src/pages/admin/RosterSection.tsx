import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import { Field } from '../../components/Field';
import { FilePicker } from '../../components/FilePicker';
import { Message } from '../../components/Message';
import { errorText, fieldErrorsOf, useLoad } from '../../hooks';
import { useI18n } from '../../i18n/I18n';
import { personRolesLabel } from '../../personRoles';

interface RosterProblem { line: number | null; column: string | null; code: string; message: string }
interface Person {
  id: string; name: string; roles: string[]; buildingGroupName: string | null; unit: string | null; email: string | null; phone: string | null;
  isHouseholdRepresentative: boolean;
}
interface PeoplePage { items: Person[]; total: number }
interface BuildingGroup { id: string; label: string }

const pageSize = 50;

/**
 * 居民名册: import a roster file (all or nothing: each problem is listed at its line and column, and nothing is
 * imported until the file is clean), export it, and look people up — their building, unit, roles and email.
 */
export function RosterSection({ communityId }: { communityId: string }) {
  const [imported, setImported] = useState(0);
  return (
    <>
      <RosterImport communityId={communityId} onImported={() => setImported((n) => n + 1)} />
      <People key={imported} communityId={communityId} />
    </>
  );
}

function RosterImport({ communityId, onImported }: { communityId: string; onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<RosterProblem[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setProblems([]);
    if (!file) { setMessage({ kind: 'error', text: t('rosterChooseFile') }); document.getElementById('roster-file')?.focus(); return; }
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    try {
      const added = await request<{ householdsAdded: number; peopleAdded: number }>(`/api/communities/${communityId}/roster/import`, { method: 'POST', form });
      setMessage({ kind: 'success', text: t('rosterImported', { households: added.householdsAdded, people: added.peopleAdded }) });
      onImported();
    } catch (err) {
      const listed = err instanceof ApiError ? (err.problem as { problems?: RosterProblem[] }).problems ?? [] : [];
      setProblems(listed);
      setMessage({ kind: 'error', text: [errorText(err, t('requestFailed')), err instanceof ApiError ? err.problem.detail : ''].filter(Boolean).join(' ') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="roster-import-title">
      <h2 id="roster-import-title">{t('rosterImport')}</h2>
      <p className="muted">{t('rosterImportHelp')}</p>
      <FilePicker id="roster-file" label={t('rosterFile')} accept=".csv,.xlsx,text/csv" fileName={file?.name ?? null} onChange={setFile} />
      <div className="actions">
        <button type="submit" disabled={busy}>{busy ? t('rosterImporting') : t('rosterImport')}</button>
        <a href={`/api/communities/${communityId}/roster/export`} download>{t('rosterExport')}</a>
      </div>
      <Message kind={message?.kind ?? 'info'} testId="roster-result">{message?.text}</Message>
      {problems.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="roster-problems">
            <caption className="sr-only">{t('rosterProblems')}</caption>
            <thead><tr><th>{t('rosterLine')}</th><th>{t('rosterColumn')}</th><th>{t('rosterProblem')}</th></tr></thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}><td>{p.line ?? t('wholeFile')}</td><td>{p.column ?? ''}</td><td>{p.message}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}

function People({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [building, setBuilding] = useState('');
  const [skip, setSkip] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const buildings = useLoad(() => request<BuildingGroup[]>(`/api/communities/${communityId}/building-groups`), [communityId]);
  const query = `name=${encodeURIComponent(name.trim())}${building ? `&buildingGroupId=${building}` : ''}&skip=${skip}&take=${pageSize}`;
  const people = useLoad(() => request<PeoplePage>(`/api/communities/${communityId}/people?${query}`), [communityId, query]);
  const page = people.data;
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('peopleTitle')}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="people-name">{t('findPerson')}</label>
          <input id="people-name" type="search" value={name} maxLength={50} onChange={(e) => { setName(e.target.value); setSkip(0); }} />
        </div>
        <div className="field">
          <label htmlFor="people-building">{t('building')}</label>
          <select id="people-building" value={building} onChange={(e) => { setBuilding(e.target.value); setSkip(0); }}>
            <option value="">{t('allBuildings')}</option>
            {(buildings.data ?? []).map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
          </select>
        </div>
      </div>
      {people.error ? <Message kind="error">{errorText(people.error, t('requestFailed'))}</Message> : null}
      {page ? (
        <>
          <p className="muted" data-testid="people-count">{t('peopleCount', { n: page.total })}</p>
          <div className="table-scroll">
            <table className="table stack" data-testid="people">
              <thead><tr><th>{t('name')}</th><th>{t('building')}</th><th>{t('unit')}</th><th>{t('personRoles')}</th><th>{t('phone')}</th><th>{t('email')}</th></tr></thead>
              <tbody>
                {page.items.map((p) => (
                  <tr key={p.id}>
                    <td data-label={t('name')}>{p.name}{p.isHouseholdRepresentative ? <span className="badge">{t('householdRepresentative')}</span> : null}</td>
                    <td data-label={t('building')}>{p.buildingGroupName ?? ''}</td>
                    <td data-label={t('unit')}>{p.unit ?? ''}</td>
                    <td data-label={t('personRoles')}>{personRolesLabel(t, p.roles)}</td>
                    <td data-label={t('phone')}>{p.phone ?? ''}</td>
                    <td data-label={t('email')}>
                      {editing === p.id
                        ? <EmailForm communityId={communityId} person={p} onDone={(changed) => { setEditing(null); if (changed) people.reload(); }} />
                        : <><span className="latin">{p.email ?? t('noEmail')}</span>{' '}
                          <button type="button" className="link-button" onClick={() => setEditing(p.id)} aria-label={t('changeEmailOf', { name: p.name })}>{t('change')}</button></>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - pageSize))}>{t('previousPage')}</button>
            <span>{t('pageOf', { n: Math.floor(skip / pageSize) + 1, m: Math.max(1, Math.ceil(page.total / pageSize)) })}</span>
            <button type="button" disabled={skip + pageSize >= page.total} onClick={() => setSkip(skip + pageSize)}>{t('nextPage')}</button>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** Changes (or, left empty, removes) a person's email: where their task links go. */
function EmailForm({ communityId, person, onDone }: { communityId: string; person: Person; onDone: (changed: boolean) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState(person.email ?? '');
  const [error, setError] = useState('');
  const id = `email-${person.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await request(`/api/communities/${communityId}/people/${person.id}/email`, { method: 'PUT', body: { email } });
      onDone(true);
    } catch (err) {
      setError(fieldErrorsOf(err, {}, id)[id] ?? errorText(err, t('requestFailed')));
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field id={id} label={t('emailOf', { name: person.name })} error={error}>
        {(control) => <input {...control} type="email" value={email} maxLength={254} autoFocus onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <button type="submit">{t('save')}</button>
      <button type="button" className="link-button" onClick={() => onDone(false)}>{t('cancel')}</button>
    </form>
  );
}
