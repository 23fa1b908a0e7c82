import { DashboardPage } from './pages/DashboardPage';
import { DeliberationPage } from './pages/DeliberationPage';
import { DesignerListPage } from './pages/DesignerListPage';
import { DesignerPage } from './pages/DesignerPage';
import { InstancePage } from './pages/InstancePage';
import { IntakePage } from './pages/IntakePage';
import { LaunchPage } from './pages/LaunchPage';
import { CaseListPage } from './pages/CaseListPage';
import { AdminPage } from './pages/admin/AdminPage';
import { OperationsPage } from './pages/OperationsPage';
import { MeetingPage } from './pages/MeetingPage';
import { ProxyAnswersPage } from './pages/ProxyAnswersPage';
import { NoticesPage } from './pages/NoticesPage';
import { SignInSheetPage } from './pages/SignInSheetPage';
import { StartWorkflowPage } from './pages/StartWorkflowPage';
import { match } from './router';
import { useSession } from './session';

/** The page of a path. */
export function Routes({ path }: { path: string }) {
  const { isStaff, isAdministrator } = useSession();
  // Building heads log complaints and answer for residents without email; everything else is staff work.
  if (match('/proxy', path)) return <ProxyAnswersPage />;
  if (!isStaff) return <IntakePage />;
  let params: Record<string, string> | null;
  if ((params = match('/deliberations/:id', path))) return <DeliberationPage key={params.id} instanceId={params.id!} />;
  if ((params = match('/communities/:c/meetings/:id/sign-in', path))) return <SignInSheetPage key={params.id} communityId={params.c!} meetingId={params.id!} />;
  if ((params = match('/communities/:c/meetings/:id', path))) return <MeetingPage key={params.id} communityId={params.c!} meetingId={params.id!} />;
  if ((params = match('/instances/:id', path))) return <InstancePage key={params.id} id={params.id!} />;
  if ((params = match('/designer/:id', path))) return <DesignerPage key={params.id} id={params.id!} />;
  if (match('/designer', path)) return <DesignerListPage />;
  if (match('/launch', path)) return <LaunchPage />;
  if (match('/start', path)) return <StartWorkflowPage key={path} />;
  if (match('/cases', path)) return <CaseListPage />;
  if (match('/public-notices', path)) return <NoticesPage />;
  if (path.startsWith('/admin')) return <AdminPage path={path} />;
  if (match('/operations', path) && isAdministrator) return <OperationsPage />;
  if (match('/intake', path)) return <IntakePage />;
  return <DashboardPage />;
}
