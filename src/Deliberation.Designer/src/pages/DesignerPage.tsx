import { ReactFlowProvider } from '@xyflow/react';
import { requestFull } from '../api/client';
import type { VersionDocument } from '../api/types';
import { Message } from '../components/Message';
import { DesignerEditor, type LoadedWorkflow } from '../designer/DesignerEditor';
import { loadDescriptors } from '../designer/descriptors';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { queryParam, usePath } from '../router';

async function loadWorkflow(id: string, version: string | null, isNew: boolean): Promise<LoadedWorkflow> {
  if (isNew) {
    return {
      doc: { id, displayName: { 'zh-CN': id, en: id }, inputs: [], variables: [], activities: [{ id: 'start', type: 'Start', version: 1, metadata: { designer: { position: { x: 0, y: 0 } } } }], connections: [], metadata: {} },
      etag: null, summary: null,
    };
  }
  const { data, headers } = await requestFull<VersionDocument>(`/api/workflows/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}`);
  return { doc: data.definition, etag: headers.get('ETag') ?? data.version.eTag, summary: data.version, schedule: data.schedule ?? null };
}

/** Loads a definition (or starts a new one) and the activity descriptors, then opens the designer. */
export function DesignerPage({ id }: { id: string }) {
  const path = usePath();
  const version = queryParam(path, 'version');
  const isNew = queryParam(path, 'new') === '1';
  const shared = queryParam(path, 'shared') === '1';
  const { t } = useI18n();
  const descriptors = useLoad(loadDescriptors, []);
  const loaded = useLoad(() => loadWorkflow(id, version, isNew), [id, version, isNew]);
  if (loaded.error || descriptors.error) {
    return <><h1>{t('designerTitle')}</h1><Message kind="error">{errorText(loaded.error ?? descriptors.error, t('requestFailed'))}</Message></>;
  }
  if (!loaded.data || !descriptors.data) return <p>{t('loading')}</p>;
  return (
    <ReactFlowProvider>
      <DesignerEditor key={`${id}@${loaded.data.summary?.version ?? 'new'}@${loaded.data.etag ?? ''}`} initial={loaded.data} descriptors={descriptors.data} reload={loaded.reload} shared={shared} />
    </ReactFlowProvider>
  );
}
