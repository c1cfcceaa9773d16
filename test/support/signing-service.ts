// A simulated remote signing service in the manner of BSrE's, over real
// HTTP (node:http on a free local port): it checks the client's Basic
// credentials, the signer and the passphrase, signs the PDF's slot with its
// own test certificate (@signpdf), and can be told to answer each failure.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';

export type SigningServiceMode = 'normal' | 'down' | 'garbage';

export interface SigningService {
  url: string;
  clientId: string;
  clientSecret: string;
  signerId: string;
  passphrase: string;
  mode: SigningServiceMode;
  /** Requests received, to show what a client sent. */
  requests: number;
  /** Milliseconds to wait before answering, one per request in order (a slow service); empty: at once. */
  delays: number[];
  close(): Promise<void>;
}

export async function startSigningService(p12: Buffer, p12Passphrase: string): Promise<SigningService> {
  let server: Server;
  const service: SigningService = {
    url: '', clientId: 'pamong-uji', clientSecret: 'rahasia-klien', signerId: '3211010101800001', passphrase: 'sandi-penanda-tangan', mode: 'normal', requests: 0, delays: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      service.requests += 1;
      const delay = service.delays.shift() ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const answer = (status: number, error: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
      if (service.mode === 'down') return answer(503, 'maintenance');
      if (req.method !== 'POST' || req.url !== '/api/sign/pdf') return answer(404, 'not_found');
      const expected = `Basic ${Buffer.from(`${service.clientId}:${service.clientSecret}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return answer(401, 'unauthorized');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { signer: string; passphrase: string; file: string };
      if (body.signer !== service.signerId) return answer(404, 'signer_not_registered');
      if (body.passphrase !== service.passphrase) return answer(400, 'wrong_passphrase');
      if (service.mode === 'garbage') return res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(body.file, 'base64'));
      const signed = await new SignPdf().sign(Buffer.from(body.file, 'base64'), new P12Signer(p12, { passphrase: p12Passphrase }));
      res.writeHead(200, { 'content-type': 'application/pdf' }).end(signed);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return service;
}
