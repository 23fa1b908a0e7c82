import { useMemo } from 'react';
import type { AriaLabelConfig } from '@xyflow/react';
import { useI18n } from '../i18n/I18n';

/** React Flow's screen-reader texts (controls, minimap, keyboard hints) in the page's language instead of its English defaults. */
export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t } = useI18n();
  return useMemo(() => ({
    'node.a11yDescription.default': t('flowNodeHint'),
    'node.a11yDescription.keyboardDisabled': t('flowNodeHint'),
    'node.a11yDescription.ariaLiveMessage': ({ x, y }) => t('flowNodeMoved', { x, y }),
    'edge.a11yDescription.default': t('flowEdgeHint'),
    'controls.ariaLabel': t('flowControls'),
    'controls.zoomIn.ariaLabel': t('zoomIn'),
    'controls.zoomOut.ariaLabel': t('zoomOut'),
    'controls.fitView.ariaLabel': t('fitView'),
    'minimap.ariaLabel': t('minimap'),
    'handle.ariaLabel': t('flowHandle'),
  }), [t]);
}
