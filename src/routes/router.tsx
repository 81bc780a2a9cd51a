/**
 * @module The route tree. Routes are thin: they guard and pick a screen; the screens live in src/ui.
 * Code-based routes keep the build free of a route generator.
 */
import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { sessionStore } from '../ui/services';
import { StatusBar } from '../ui/StatusBar';
import { LoginPage } from '../ui/LoginPage';
import { HouseholdListPage } from '../ui/households/HouseholdListPage';
import { HouseholdPage } from '../ui/households/HouseholdPage';
import { NewHouseholdPage } from '../ui/households/NewHouseholdPage';

function requireSession() {
  // An expired session still opens the app: the data is on the device and work goes on offline.
  if (!sessionStore.get()) throw redirect({ to: '/login' });
}

const rootRoute = createRootRoute({
  component: () => (
    <>
      <StatusBar />
      <main>
        <Outlet />
      </main>
    </>
  ),
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
  component: function HouseholdRoute() {
    const { householdId } = householdRoute.useParams();
    return <HouseholdPage id={householdId} />;
  },
});

const routeTree = rootRoute.addChildren([loginRoute, indexRoute, householdsRoute, newHouseholdRoute, householdRoute]);

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
