/**
 * @module The route tree. Routes are thin: they guard and pick a screen; the screens live in src/ui. The survey
 * and the officer's desk load on demand (they carry the rules engine), precached for offline like the rest.
 */
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { db, sessionStore } from '../ui/services';
import { householdPageState } from '../db/household-page';
import { StatusBar } from '../ui/StatusBar';
import { NavBar } from '../ui/NavBar';
import { LoginPage } from '../ui/LoginPage';
import { HouseholdListPage } from '../ui/households/HouseholdListPage';
import { HouseholdPage } from '../ui/households/HouseholdPage';
import { NotFoundPage } from '../ui/NotFoundPage';

// Loaded on demand, precached for offline: the first screen (sign-in, then the household list) does not carry the
// forms behind them (bench/app.ts, "JS transferred for the first screen", ≤ 120 KB). Not the household page: opened
// from the list all day, it draws with its rows in the same frame as the click (bench/app.ts, "open a household").
const NewHouseholdPage = lazyRouteComponent(() => import('../ui/households/NewHouseholdPage'), 'NewHouseholdPage');
const MemberPage = lazyRouteComponent(() => import('../ui/members/MemberPage'), 'MemberPage');
const SyncPage = lazyRouteComponent(() => import('../ui/sync/SyncPage'), 'SyncPage');

function requireSession() {
  // An expired session still opens the app: the data is on the device and work goes on offline.
  if (!sessionStore.get()) throw redirect({ to: '/login' });
}

const rootRoute = createRootRoute({
  component: () => (
    <>
      <StatusBar />
      <NavBar />
      <main>
        <Outlet />
      </main>
    </>
  ),
  // Not the router's English "Not Found": an unknown address inside the shell, in the user's language.
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });
const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/households' });
  },
});
const householdsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/households',
  beforeLoad: requireSession,
  component: HouseholdListPage,
});
const newHouseholdRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/households/new',
  beforeLoad: requireSession,
  component: NewHouseholdPage,
});

export const householdRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/households/$householdId',
  beforeLoad: requireSession,
  // Read while the router navigates, so the page draws with its rows at once: its live query subscribes only
  // after the first paint, and keeps them current from then on.
  loader: ({ params }) => householdPageState(db, params.householdId),
  // Never a kept copy shown while it reads again: what the device holds now, or the live query's answer.
  gcTime: 0,
  component: function HouseholdRoute() {
    const { householdId } = householdRoute.useParams();
    const initial = householdRoute.useLoaderData();
    return <HouseholdPage id={householdId} initial={initial} />;
  },
});

const newMemberRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/households/$householdId/members/new',
  beforeLoad: requireSession,
  component: function NewMemberRoute() {
    const { householdId } = newMemberRoute.useParams();
    return <MemberPage householdId={householdId} />;
  },
});

const memberRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/$memberId',
  beforeLoad: requireSession,
  component: function MemberRoute() {
    const { memberId } = memberRoute.useParams();
    return <MemberPage memberId={memberId} />;
  },
});

// Issue 12: an allowance application for a member (it carries the rules engine).
const LazyAllowance = lazyRouteComponent(() => import('../ui/allowance/AllowancePage'), 'AllowancePage');
const allowanceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/$memberId/allowance',
  beforeLoad: requireSession,
  component: function AllowanceRoute() {
    const { memberId } = allowanceRoute.useParams();
    return <LazyAllowance memberId={memberId} />;
  },
});
// An application the commune returned, reopened on the tablet to be corrected and sent again.
const allowanceReopenRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/members/$memberId/allowance/$caseId',
  beforeLoad: requireSession,
  component: function AllowanceReopenRoute() {
    const { memberId, caseId } = allowanceReopenRoute.useParams();
    return <LazyAllowance memberId={memberId} caseId={caseId} />;
  },
});

const LazySurvey = lazyRouteComponent(() => import('../ui/survey/SurveyPage'), 'SurveyPage');
const surveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/households/$householdId/survey',
  beforeLoad: requireSession,
  component: function SurveyRoute() {
    const { householdId } = surveyRoute.useParams();
    return <LazySurvey householdId={householdId} />;
  },
});

const LazyEmergency = lazyRouteComponent(() => import('../ui/relief/EmergencyPage'), 'EmergencyPage');
const LazyRound = lazyRouteComponent(() => import('../ui/relief/RoundPage'), 'RoundPage');
const LazyPrint = lazyRouteComponent(() => import('../ui/relief/PrintPage'), 'PrintPage');
const emergenciesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/emergencies',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('../ui/relief/EmergencyListPage'), 'EmergencyListPage'),
});
const emergencyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/emergencies/$emergencyId',
  beforeLoad: requireSession,
  component: function EmergencyRoute() {
    const { emergencyId } = emergencyRoute.useParams();
    return <LazyEmergency id={emergencyId} />;
  },
});
const roundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rounds/$roundId',
  beforeLoad: requireSession,
  component: function RoundRoute() {
    const { roundId } = roundRoute.useParams();
    return <LazyRound id={roundId} />;
  },
});
const printRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rounds/$roundId/print',
  beforeLoad: requireSession,
  component: function PrintRoute() {
    const { roundId } = printRoute.useParams();
    return <LazyPrint id={roundId} />;
  },
});

const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('../ui/review/ReviewPage'), 'ReviewPage'),
});
// Issue 12: allowance dossiers, the posting list and the beneficiary register (on demand: they carry the engine).
const LazyDossier = lazyRouteComponent(() => import('../ui/allowance/DossierPage'), 'DossierPage');
const allowancePostingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/allowances/posting',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('../ui/allowance/PostingListPage'), 'PostingListPage'),
});
// Issue 13: the commune's payroll month (made by the server; on demand).
const allowancePayrollRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/allowances/payroll',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('../ui/allowance/PayrollPage'), 'PayrollPage'),
});
const allowanceRegisterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/allowances/register',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('../ui/allowance/RegisterPage'), 'RegisterPage'),
});
/** A change the register found due, opened on the dossier's change form: its kind and month, nothing personal. */
interface DossierSearch {
  propose?: string;
  from?: string;
}
const dossierRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/allowances/$caseId',
  beforeLoad: requireSession,
  // Read as given: the lazy page takes only a kind it knows and a month it can read (ChangePanel).
  validateSearch: (search: Record<string, unknown>) => search as DossierSearch,
  component: function DossierRoute() {
    const { caseId } = dossierRoute.useParams();
    const search = dossierRoute.useSearch();
    return <LazyDossier id={caseId} propose={search.propose} from={search.from} />;
  },
});
// Issue 11: the commune officer's list of villages.
const villagesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/villages',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('../ui/villages/VillagesPage'), 'VillagesPage'),
});
const syncRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sync',
  beforeLoad: requireSession,
  component: SyncPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  indexRoute,
  householdsRoute,
  newHouseholdRoute,
  householdRoute,
  newMemberRoute,
  memberRoute,
  allowanceRoute,
  allowanceReopenRoute,
  surveyRoute,
  reviewRoute,
  allowancePostingRoute,
  allowanceRegisterRoute,
  allowancePayrollRoute,
  dossierRoute,
  villagesRoute,
  syncRoute,
  emergenciesRoute,
  emergencyRoute,
  roundRoute,
  printRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
