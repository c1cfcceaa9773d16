// The receipt of a paid bill: an issued document (numbered, on the letterhead
// of the bill's unit or the region's, signed, verifiable by its QR code). A
// job queued by the crediting transaction makes it, so a bank's callback is
// answered without waiting for a PDF and a signature (a remote signer may
// take seconds); the job may run twice, and issues one receipt per bill.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { JobDeclaration } from '../../../../platform/modules/contract.js';
import { systemActor } from '../../../../platform/auth/policy.js';
import { getRegion } from '../../../../platform/regions/service.js';
import { localDateTime } from '../../../../platform/csv.js';
import { indonesianDate } from '../../../../platform/calendar/calendar.js';
import { layananBills, layananDocuments, layananServices } from '../../schema.js';
import { issueReceipt } from '../documents.js';

const channelWords = { qris: 'QRIS', rekonsiliasi: 'Transfer bank (rekonsiliasi mutasi rekening)' } as const;

export const receiptJob: JobDeclaration<{ regionCode: string; billId: string }> = {
  name: 'layanan.receipt',
  payload: z.object({ regionCode: z.string().max(10), billId: z.uuid() }),
  async run(ctx, { regionCode, billId }) {
    await ctx.database.db.transaction(async (tx) => {
      const [bill] = await tx.select().from(layananBills).where(and(eq(layananBills.regionCode, regionCode), eq(layananBills.id, billId))).for('update');
      if (!bill || bill.status !== 'paid' || !bill.paidAt) return;
      const [issued] = await tx.select({ id: layananDocuments.id }).from(layananDocuments)
        .where(and(eq(layananDocuments.regionCode, regionCode), eq(layananDocuments.billId, billId), eq(layananDocuments.kind, 'receipt')));
      if (issued) return;
      const region = await getRegion(tx, regionCode);
      const [service] = bill.serviceId
        ? await tx.select({ name: layananServices.name }).from(layananServices).where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.id, bill.serviceId)))
        : [];
      const [date, time] = localDateTime(bill.paidAt, region.timezone).split(' ');
      await issueReceipt(ctx, tx, {
        regionCode, actor: systemActor('sistem pembayaran', regionCode, []), billId, applicationId: bill.applicationId, serviceId: bill.serviceId, unitId: bill.unitId,
        receipt: {
          title: 'Tanda Bukti Pembayaran', amount: bill.amount, billingCode: bill.billingCode, payer: bill.payerName,
          paidAt: `${indonesianDate(date)} ${time.replace(':', '.')} ${region.timezoneLabel}`,
          channel: channelWords[bill.paymentChannel ?? 'qris'],
          purpose: bill.kind === 'pajak' ? `${bill.taxType} ${bill.taxYear}, NOP ${bill.taxObjectNumber}` : `Retribusi ${service?.name ?? 'pelayanan'}`,
        },
      });
    });
  },
};
