import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { CommunityCatalogue, ComplaintDetails, RankingResponse } from '../api/types';
import { FilePicker } from '../components/FilePicker';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../session';
import { MergePanel } from './MergePanel';
import { RankingList } from './RankingList';

interface PersonRow { buildingGroupId: string | null; buildingGroupName: string | null }

/** Building groups of the community, from its roster (building heads may read people, not the structure). */
async function loadBuildings(communityId: string): Promise<{ id: string; name: string }[]> {
  const page = await request<{ items: PersonRow[] }>(`/api/communities/${communityId}/people?take=500`);
  const map = new Map<string, string>();
  for (const p of page.items) if (p.buildingGroupId && p.buildingGroupName) map.set(p.buildingGroupId, p.buildingGroupName);
  return [...map].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export function IntakePage() {
  const { t, lang } = useI18n();
  const { community, isStaff } = useSession();
  const communityId = community?.id ?? '';
  // The community's own catalogue (协商事项指导目录): the kinds staff keep for it, the configured ones until they save their own.
  const catalogue = useLoad(async () => (await request<CommunityCatalogue>(`/api/communities/${communityId}/catalogue`)).matters, [communityId]);
  // A building head logs for the buildings they head only: the form offers those (the server refuses the rest).
  const headOf = community?.headOf ?? null;
  const buildings = useLoad(async () => {
    const all = await loadBuildings(communityId);
    return headOf ? all.filter((b) => headOf.includes(b.id)) : all;
  }, [communityId, headOf?.join(',')]);
  const ranking = useLoad(() => request<RankingResponse>(`/api/communities/${communityId}/complaints/ranking`), [communityId]);

  const [categoryCode, setCategory] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState(3);
  const [urgency, setUrgency] = useState(3);
  const [reporterCount, setReporters] = useState(1);
  const [buildingIds, setBuildingIds] = useState<string[]>([]);
  const [photo, setPhoto] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [photoKey, setPhotoKey] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const created = await request<ComplaintDetails>(`/api/communities/${communityId}/complaints`, {
        method: 'POST',
        body: { categoryCode, title, description, severity, urgency, reporterCount, buildingGroupIds: buildingIds, householdIds: [], reporterPersonIds: [] },
      });
      let text = t('complaintLogged', { title: created.complaint.title });
      if (photo) {
        const form = new FormData();
        form.append('photo', photo);
        try {
          await request(`/api/communities/${communityId}/complaints/${created.complaint.id}/photos`, { method: 'POST', form });
        } catch (err) {
          text = t('photoFailed', { message: errorText(err, t('requestFailed')) });
        }
      }
      setMessage({ kind: 'success', text });
      // A fresh form for the next complaint: nothing of this one (category, scores, buildings) carries over by mistake.
      setCategory(''); setTitle(''); setDescription(''); setSeverity(3); setUrgency(3); setReporters(1);
      setPhoto(null); setPhotoKey((k) => k + 1); setBuildingIds([]);
      ranking.reload();
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors) setErrors(err.problem.errors);
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) => errors[name]?.length
    ? <p className="field-error" id={`${name}-error`}>{errors[name]!.join(' ')}</p> : null;
  const described = (name: string) => (errors[name]?.length ? `${name}-error` : undefined);

  return (
    <div className="intake">
      <h1>{t('intakeTitle')}</h1>
      <form className="card" onSubmit={submit} aria-labelledby="intake-form-title" noValidate>
        <h2 id="intake-form-title">{t('logComplaint')}</h2>
        <label htmlFor="categoryCode">{t('category')}</label>
        <select id="categoryCode" value={categoryCode} onChange={(e) => setCategory(e.target.value)} aria-invalid={!!errors.categoryCode} aria-describedby={described('categoryCode')}>
          <option value="">{t('chooseCategory')}</option>
          {(catalogue.data ?? []).map((m) => <option key={m.code} value={m.code}>{lang === 'en' ? m.en : m.zh}</option>)}
        </select>
        {fieldError('categoryCode')}
        <label htmlFor="title">{t('title')}</label>
        <input id="title" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={!!errors.title} aria-describedby={described('title')} />
        {fieldError('title')}
        <label htmlFor="description">{t('description')}</label>
        <textarea id="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        {fieldError('description')}
        <div className="row">
          <div>
            <label htmlFor="severity">{t('severity')}</label>
            <input id="severity" type="number" min={1} max={5} inputMode="numeric" value={severity} onChange={(e) => setSeverity(Number(e.target.value))} aria-describedby={described('severity')} />
            {fieldError('severity')}
          </div>
          <div>
            <label htmlFor="urgency">{t('urgency')}</label>
            <input id="urgency" type="number" min={1} max={5} inputMode="numeric" value={urgency} onChange={(e) => setUrgency(Number(e.target.value))} aria-describedby={described('urgency')} />
            {fieldError('urgency')}
          </div>
          <div>
            <label htmlFor="reporterCount">{t('reporterCount')}</label>
            <input id="reporterCount" type="number" min={1} inputMode="numeric" value={reporterCount} onChange={(e) => setReporters(Number(e.target.value))} aria-describedby={described('reporterCount')} />
            {fieldError('reporterCount')}
          </div>
        </div>
        <fieldset aria-describedby={described('buildingGroupIds')}>
          <legend>{t('buildings')}</legend>
          {headOf && headOf.length === 0 ? <p className="muted" data-testid="head-not-linked">{t('headNotLinked')}</p> : null}
          {(buildings.data ?? []).map((b) => (
            <label key={b.id} className="check">
              <input type="checkbox" checked={buildingIds.includes(b.id)}
                onChange={(e) => setBuildingIds(e.target.checked ? [...buildingIds, b.id] : buildingIds.filter((x) => x !== b.id))} />
              {b.name}
            </label>
          ))}
        </fieldset>
        {fieldError('buildingGroupIds')}
        <p className="label-like" aria-hidden="true">{t('photo')}</p>
        <FilePicker key={photoKey} id="photo" label={t('photo')} accept="image/jpeg,image/png,image/webp" capture="environment" fileName={photo?.name ?? null} onChange={setPhoto} />
        {fieldError('photo')}
        {message ? <Message kind={message.kind} testId="intake-message">{message.text}</Message> : null}
        <button type="submit" className="primary" disabled={busy}>{t('submitComplaint')}</button>
      </form>
      <section className="card" aria-labelledby="intake-ranking-title">
        <h2 id="intake-ranking-title">{t('ranking')}</h2>
        {ranking.error ? <Message kind="error">{errorText(ranking.error, t('requestFailed'))}</Message> : null}
        {ranking.data ? <RankingList items={ranking.data.items} /> : <p>{t('loading')}</p>}
      </section>
      {isStaff ? <MergePanel communityId={communityId} onMerged={ranking.reload} /> : null}
    </div>
  );
}
