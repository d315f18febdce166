import { z } from 'zod';
import { ROLES } from '../org/roles.ts';

/** Answers of staff sign-in and sessions. */

export const sessionUserSchema = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  /** The password was set by an administrator (or is the first one): it must be changed first. */
  mustChangePassword: z.boolean(),
});

export const sessionRoleSchema = z.strictObject({
  role: z.enum(ROLES),
  unitId: z.uuid(),
  unitName: z.string(),
});

/** The signed-in user, their roles and the token every POST/PUT/PATCH/DELETE sends as X-CSRF-Token. */
export const sessionSchema = z.strictObject({
  user: sessionUserSchema,
  roles: z.array(sessionRoleSchema),
  csrfToken: z.string(),
});

export type SessionUser = z.infer<typeof sessionUserSchema>;
export type SessionRole = z.infer<typeof sessionRoleSchema>;
export type Session = z.infer<typeof sessionSchema>;
