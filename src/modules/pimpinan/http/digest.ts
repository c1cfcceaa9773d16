// HTTP for a person's weekly digest: which day it comes (or that it does not).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { rolesIn } from '../../../platform/auth/policy.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures } from '../../../platform/http/responses.js';
import { chooseDigestDay, DIGEST_ROLES, readDigestChoice } from '../service/digest.js';

const tags = ['pimpinan'];
const day = z.number().int().min(1).max(7).nullable().describe('Hari ISO, 1 = Senin … 7 = Minggu; kosong: tidak dikirim / ISO weekday, 1 = Monday … 7 = Sunday; null: not sent');
const choice = z.object({
  day,
  chosen: z.boolean().describe('Dipilih sendiri; bila tidak, hari bawaan (Senin) / Chosen by the person; otherwise the default day (Monday)'),
  lastSentOn: z.string().nullable().describe('Tanggal setempat ringkasan terakhir / Local date of the last digest'),
  receives: z.boolean().describe('Peran pembaca di daerah ini menerima ringkasan / The reader\'s roles in this region receive the digest'),
}).meta({ id: 'PimpinanDigestChoice' });

export const digestRoutes = (ctx: AppContext) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const receives = (roles: string[]) => roles.some((r) => DIGEST_ROLES.includes(r));

  app.get('/api/regions/:region/pimpinan/ringkasan', {
    config: { access: 'pimpinan.digest' },
    schema: {
      tags, summary: 'Ringkasan mingguan saya / My weekly digest', params: regionParam,
      description: 'Hari ringkasan mingguan lewat email untuk pembaca di daerah ini. / The day of the reader\'s weekly email digest in this region.',
      response: { 200: choice, ...failures('auth.forbidden') },
    },
  }, async (request) => ({
    ...(await readDigestChoice(ctx, request.region!.code, request.actor.userId!)),
    receives: receives(rolesIn(request.actor, request.region!.code)),
  }));

  app.put('/api/regions/:region/pimpinan/ringkasan', {
    config: { access: 'pimpinan.digest' },
    schema: {
      tags, summary: 'Pilih hari ringkasan mingguan / Choose the weekly digest\'s day', params: regionParam,
      body: z.object({ day }).strict(),
      response: { 200: choice, ...failures('auth.forbidden') },
    },
  }, async (request) => ({
    ...(await chooseDigestDay(ctx, request.region!.code, request.actor.userId!, request.body.day)),
    receives: receives(rolesIn(request.actor, request.region!.code)),
  }));
};
