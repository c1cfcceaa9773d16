// The signed-in person's in-app notices (whatever module sent them).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { notifications } from '../schema.js';
import { instant, ok, words } from '../http/responses.js';

const notification = z.object({
  regionCode: z.string(), id: z.number().int(), at: instant, subject: words, body: words, link: z.string().nullable(), readAt: instant.nullable(),
}).meta({ id: 'Notification' });

export const notificationRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  app.get('/api/notifications', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Kotak notifikasi / Notification inbox', querystring: z.object({ unread: z.enum(['true', 'false']).optional() }), response: { 200: z.array(notification) } },
  }, async (request) => ctx.database.db.select().from(notifications)
    .where(and(eq(notifications.userId, request.actor.userId!), request.query.unread === 'true' ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.at)).limit(100));

  app.post('/api/notifications/read', {
    config: { access: 'signed_in' }, schema: { tags, summary: 'Tandai semua dibaca / Mark all read', response: { 200: ok } },
  }, async (request) => {
    await ctx.database.db.update(notifications).set({ readAt: ctx.clock.now() }).where(and(eq(notifications.userId, request.actor.userId!), isNull(notifications.readAt)));
    return { ok: true as const };
  });
};
