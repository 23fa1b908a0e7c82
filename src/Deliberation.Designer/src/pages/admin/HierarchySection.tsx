import { useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { Field } from '../../components/Field';
import { Message } from '../../components/Message';
import { errorText, fieldErrorsOf, useLoad } from '../../hooks';
import { useI18n } from '../../i18n/I18n';

interface Precinct { id: string; name: string }
interface BuildingGroup { id: string; precinctId: string; compound: string; name: string; label: string }

/**
 * 网格与楼栋: the community's precincts (网格) and, in each, its buildings (楼栋), named within their compound (小区)
 * when the community has several. A roster names the buildings, so they are set up here first.
 */
export function HierarchySection({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const precincts = useLoad(() => request<Precinct[]>(`/api/communities/${communityId}/precincts`), [communityId]);
  const buildings = useLoad(() => request<BuildingGroup[]>(`/api/communities/${communityId}/building-groups`), [communityId]);
  const list = precincts.data ?? [];
  const compounds = [...new Set((buildings.data ?? []).map((b) => b.compound).filter(Boolean))];
  const failed = precincts.error ?? buildings.error;
  return (
    <section aria-labelledby="hierarchy-title">
      <h2 id="hierarchy-title">{t('adminHierarchy')}</h2>
      <p className="muted">{t('hierarchyHelp')}</p>
      {failed ? <Message kind="error">{errorText(failed, t('requestFailed'))}</Message> : null}
      {precincts.data && list.length === 0 ? <p>{t('noPrecincts')}</p> : null}
      <div className="precincts" data-testid="precincts">
        {list.map((p) => {
          const inPrecinct = (buildings.data ?? []).filter((b) => b.precinctId === p.id);
          return (
            <div className="card" key={p.id} data-testid={`precinct-${p.name}`}>
              <h3>{p.name} <span className="muted">{t('buildingCount', { n: inPrecinct.length })}</span></h3>
              {inPrecinct.length === 0 ? <p className="muted">{t('noBuildings')}</p> : (
                <ul className="chips">{inPrecinct.map((b) => <li key={b.id}>{b.label}</li>)}</ul>
              )}
            </div>
          );
        })}
      </div>
      <div className="row two">
        <PrecinctForm communityId={communityId} onAdded={precincts.reload} />
        {list.length > 0 ? <BuildingForm communityId={communityId} precincts={list} compounds={compounds} onAdded={buildings.reload} /> : null}
      </div>
    </section>
  );
}

function PrecinctForm({ communityId, onAdded }: { communityId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!name.trim()) { setErrors({ 'precinct-name': t('required') }); document.getElementById('precinct-name')?.focus(); return; }
    try {
      await request(`/api/communities/${communityId}/precincts`, { method: 'POST', body: { name } });
      setMessage({ kind: 'success', text: t('precinctAdded', { name: name.trim() }) });
      setName('');
      setErrors({});
      onAdded();
    } catch (err) {
      setErrors(fieldErrorsOf(err, { name: 'precinct-name' }, 'precinct-name'));
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-precinct">
      <h3 id="add-precinct">{t('addPrecinct')}</h3>
      <Field id="precinct-name" label={`${t('precinctName')} *`} help={t('precinctNameHelp')} error={errors['precinct-name']}>
        {(control) => <input {...control} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Message kind={message?.kind ?? 'info'}>{message?.text}</Message>
      <button type="submit">{t('addPrecinct')}</button>
    </form>
  );
}

function BuildingForm({ communityId, precincts, compounds, onAdded }: {
  communityId: string; precincts: Precinct[]; compounds: string[]; onAdded: () => void;
}) {
  const { t } = useI18n();
  const [precinctId, setPrecinctId] = useState(precincts[0]?.id ?? '');
  const [compound, setCompound] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!name.trim()) { setErrors({ 'building-name': t('required') }); document.getElementById('building-name')?.focus(); return; }
    try {
      await request(`/api/communities/${communityId}/building-groups`, { method: 'POST', body: { precinctId, compound, name } });
      setMessage({ kind: 'success', text: t('buildingAdded', { name: `${compound.trim()}${name.trim()}` }) });
      setName('');
      setErrors({});
      onAdded();
    } catch (err) {
      setErrors(fieldErrorsOf(err, { precinctId: 'building-precinct', precinctName: 'building-precinct', compound: 'building-compound' }, 'building-name'));
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-building">
      <h3 id="add-building">{t('addBuilding')}</h3>
      <Field id="building-precinct" label={`${t('precinct')} *`} error={errors['building-precinct']}>
        {(control) => (
          <select {...control} value={precinctId} onChange={(e) => setPrecinctId(e.target.value)}>
            {precincts.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        )}
      </Field>
      <Field id="building-compound" label={t('compound')} help={t('compoundHelp')} error={errors['building-compound']}>
        {(control) => (
          <>
            <input {...control} value={compound} maxLength={100} list="known-compounds" onChange={(e) => setCompound(e.target.value)} />
            <datalist id="known-compounds">{compounds.map((c) => <option key={c} value={c} />)}</datalist>
          </>
        )}
      </Field>
      <Field id="building-name" label={`${t('buildingName')} *`} help={t('buildingNameHelp')} error={errors['building-name']}>
        {(control) => <input {...control} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Message kind={message?.kind ?? 'info'}>{message?.text}</Message>
      <button type="submit">{t('addBuilding')}</button>
    </form>
  );
}
