import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { addFirstTexts, cookieLocale, I18nProvider, loadEnglish } from './i18n/index.js';
import { modules } from './modules.js';
import { SessionProvider } from './session.js';
import { takeOverPaintedPage } from './early.js';
import './styles.css';

for (const m of modules) if (m.firstTexts) addFirstTexts(m.firstTexts);
// Someone who chose English gets it from the first frame (the chunk is cached after their first visit).
void (cookieLocale() === 'en' ? loadEnglish().catch(() => undefined) : Promise.resolve()).then(() => {
  // The app replaces a page the server painted: what the person chose there is kept (early.ts).
  const root = document.getElementById('root')!;
  takeOverPaintedPage(root);
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
});
