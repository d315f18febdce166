/**
 * The test mailbox: a real SMTP server (the server tests' `startSmtp`) that the server under test
 * sends its notifications to, and a loopback HTTP endpoint that shows the tests, which run in other
 * processes than the global setup, what arrived: GET /messages?to=<address> answers
 * `[{ to, subject, text, html, receivedAt }]` in the order received (every message without `to`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSmtp } from '../../packages/server/test/support/smtp.ts';

/** One message as the tests see it. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** ISO time the SMTP server accepted it. */
  receivedAt: string;
}

export interface Mailbox {
  /** smtp://… for the server's SMTP_URL. */
  smtpUrl: string;
  /** http://127.0.0.1:<port> of the messages endpoint. */
  httpUrl: string;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const smtp = await startSmtp();
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/messages') {
      res.writeHead(404).end();
      return;
    }
    const to = url.searchParams.get('to')?.toLowerCase();
    const messages: MailMessage[] = smtp.received
      .filter((m) => !to || m.to.some((address) => address.toLowerCase() === to))
      .map((m) => ({
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        receivedAt: m.receivedAt.toISOString(),
      }));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(messages));
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    smtpUrl: smtp.url,
    httpUrl: `http://127.0.0.1:${port}`,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await smtp.close();
    },
  };
}
