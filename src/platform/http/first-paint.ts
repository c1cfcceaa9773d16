// Pages the server paints before the web app's script arrives. On a slow
// phone connection every request costs seconds: the app's HTML, then its
// script, then its data. For the pages a module declares (FirstPaint in the
// module contract, e.g. the report form), the HTML already holds the page's
// first step and its styles, so the person can start one round trip earlier;
// the app takes over when its script has run (web/src/early.ts keeps what
// they chose). Every other page gets the app's index.html unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Eta } from 'eta';
import type { AppContext } from '../context.js';
import type { Locale } from '../i18n.js';
import { modules } from '../modules/registry.js';
import { findRegionCached } from '../regions/service.js';

/** The app's header, as Layout.tsx draws it, so nothing moves when the app takes over. */
const shell = `<header class="site-header"><div class="container header-row">` +
  `<a href="/r/<%= it.region.code %>" class="brand"><span class="brand-mark" aria-hidden="true">P</span>` +
  `<span><span class="brand-name">Pamong</span><span class="brand-region"><%= it.region.name %></span></span></a>` +
  `</div></header><main id="main" class="container" tabindex="-1"><%~ it.main %></main>`;

const eta = new Eta({ autoEscape: true, autoTrim: false });

/** An HTML template (Eta: `<%= it.x %>` escapes, `<%~ it.html %>` does not), compiled once. */
export function htmlTemplate<T extends object>(template: string): (data: T) => string {
  const compiled = eta.compile(template);
  return (data) => eta.render(compiled, data);
}

const escapeHtml = (text: string): string => String(eta.config.escapeFunction(text));

const renderShell = htmlTemplate<{ region: { code: string; name: string }; main: string }>(shell);

/**
 * A GET route for each page a module paints (so it is compressed like every
 * answer). Where the region does not exist or the module paints nothing, the
 * app's index.html goes out as it is.
 */
export function firstPaintRoutes(ctx: AppContext, webDist: string) {
  const index = readFileSync(join(webDist, 'index.html'), 'utf8');
  // The entry stylesheet goes inline: an external one would hold the painting back by a round trip.
  const stylesheet = /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/.exec(index);
  const styled = stylesheet ? index.replace(stylesheet[0], () => `<style>${readFileSync(join(webDist, stylesheet[1]), 'utf8')}</style>`) : index;
  const pages = modules().flatMap((m) => m.firstPaints ?? []);

  return async (app: FastifyInstance) => {
    for (const page of pages) {
      // The page looks its region up itself (not as `:region`, which the access check answers with a JSON 404):
      // for a region that does not exist, the app's page explains.
      app.get<{ Params: { code: string } }>(page.path.replace(':region', ':code'), { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
        const region = /^\d{2}(\.\d{2})?$/.test(request.params.code) ? await findRegionCached(ctx.database.db, request.params.code) : null;
        // The app speaks what the pamong_lang cookie says, else Indonesian (web/src/i18n cookieLocale), never
        // the browser's Accept-Language: the painted page must too, or its words change when the app takes over.
        const locale: Locale = request.cookies?.pamong_lang === 'en' ? 'en' : 'id';
        const painted = region && (await page.render(ctx, { region, query: new URL(request.url, 'http://pamong.invalid').searchParams, locale }));
        if (!region || !painted) return reply.type('text/html').sendFile('index.html');
        const html = styled
          .replace('<html lang="id">', `<html lang="${locale}">`)
          .replace('<title>Pamong</title>', () => `<title>${escapeHtml(painted.title)} · Pamong</title>`)
          .replace('<div id="root"></div>', () => `<div id="root">${renderShell({ region, main: painted.main })}</div>`);
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
      });
    }
  };
}
