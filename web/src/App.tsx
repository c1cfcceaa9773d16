import { Component, Suspense, type ReactNode } from 'react';
import { Layout } from './components/Layout.js';
import { Loading } from './components/ui.js';
import { useI18n } from './i18n/index.js';
import { matchRoute, Link, useLocation } from './router.js';
import { routes } from './routes.js';

export function App() {
  const { path } = useLocation();
  const match = matchRoute(routes, path);
  const Page = match?.route.component ?? NotFound;
  return (
    <Layout>
      <PageErrorBoundary key={path}>
        <Suspense fallback={<Loading />}>
          <Page params={match?.params ?? {}} />
        </Suspense>
      </PageErrorBoundary>
    </Layout>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p><Link to="/">{t('notFound.home')}</Link></p>
    </>
  );
}

/** A page that fails to load (often a stale chunk after an update) offers a reload. */
class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('error.page')}</p>
      <button type="button" className="button" onClick={() => location.reload()}>{t('common.reload')}</button>
    </div>
  );
}
