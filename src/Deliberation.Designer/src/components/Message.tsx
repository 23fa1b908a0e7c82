import type { ReactNode } from 'react';

/** A status line: errors are announced at once (role=alert), the rest politely; a warning asks staff to act but stops nothing. */
export function Message({ kind, children, testId }: { kind: 'error' | 'info' | 'success' | 'warning'; children: ReactNode; testId?: string }) {
  if (!children) return null;
  return (
    <div className={`message message-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
