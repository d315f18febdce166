import { type Locale, pickLocale } from '@motcua/core';
import type { FastifyRequest } from 'fastify';

/** `?lang=en` wins over Accept-Language, so a shared link can carry the language. */
export function requestLocale(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  if (lang === 'en' || lang === 'vi') return lang;
  return pickLocale(request.headers['accept-language']);
}
