import { ROLE_LABELS, ROLES, type Role } from '@motcua/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useUnits, useUserMutations, useUsers } from '../../api/admin.ts';
import type { AdminUser, Unit } from '../../api/types.ts';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  InlineError,
  problemMessage,
  SelectField,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { FormPanel, LoadError, Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

const STAFF_ROLES = ROLES.filter((r) => r !== 'citizen');
const MIN_PASSWORD = 12;

interface RoleRow {
  key: number;
  role: Role | '';
  unitId: string;
}

type Mode =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'edit'; user: AdminUser }
  | { kind: 'password'; user: AdminUser };

function isLocked(user: AdminUser): boolean {
  return !!user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now();
}

export default function UsersPage() {
  const { t, locale } = useI18n();
  usePageTitle(t.users.title);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const users = useUsers(q);
  const units = useUnits();
  const { update } = useUserMutations();
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [noticeKey, setNoticeKey] = useState(0);
  const unitById = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u])), [units.data]);
  const returnFocus = useRef<string | null>(null);

  function show(kind: 'success' | 'error', text: string) {
    setNotice({ kind, text });
    setNoticeKey((n) => n + 1);
  }

  function open(next: Mode, from: string) {
    setNotice(null);
    returnFocus.current = from;
    setMode(next);
  }

  function done(message: string | null) {
    setMode({ kind: 'none' });
    if (message) show('success', message);
    else if (returnFocus.current) {
      const id = returnFocus.current;
      requestAnimationFrame(() => document.getElementById(id)?.focus());
    }
  }

  function quick(user: AdminUser, body: { active?: boolean; unlock?: boolean }, message: string) {
    update.mutate(
      { id: user.id, body },
      { onSuccess: () => show('success', message), onError: (e) => show('error', problemMessage(e, t)) },
    );
  }

  const list = users.data?.items ?? [];

  return (
    <>
      <h1>{t.users.title}</h1>
      <p className="lead">{t.users.lead}</p>
      {notice ? (
        <Notice key={noticeKey} kind={notice.kind}>
          {notice.text}
        </Notice>
      ) : null}

      {mode.kind === 'none' ? (
        <p>
          <button
            type="button"
            id="add-user"
            className="button button--primary"
            onClick={() => open({ kind: 'create' }, 'add-user')}
          >
            {t.users.add}
          </button>
        </p>
      ) : mode.kind === 'create' ? (
        <UserForm units={units.data?.items ?? []} onDone={done} />
      ) : mode.kind === 'edit' ? (
        <UserForm key={mode.user.id} user={mode.user} units={units.data?.items ?? []} onDone={done} />
      ) : (
        <PasswordForm user={mode.user} onDone={done} />
      )}

      <search>
        <form
          className="inline-search"
          onSubmit={(e) => {
            e.preventDefault();
            setQ(search.trim());
          }}
        >
          <TextField
            id="user-search"
            type="search"
            label={t.users.search}
            hint={t.users.searchHint}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="inline-search__field"
          />
          <button type="submit" className="button button--secondary inline-search__button">
            {t.common.search}
          </button>
        </form>
      </search>

      <p className="result-count" role="status" aria-live="polite">
        {users.isFetching ? t.common.loading : users.data ? t.users.count(list.length) : ''}
      </p>
      {users.isPending ? <Loading /> : null}
      {users.isError ? <LoadError error={users.error} onRetry={() => users.refetch()} /> : null}
      {users.data && list.length === 0 ? <p>{t.users.empty}</p> : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">{t.users.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.users.fullName}</th>
                <th scope="col">{t.users.username}</th>
                <th scope="col">{t.users.roles}</th>
                <th scope="col">{t.users.status}</th>
                <th scope="col">{t.common.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id}>
                  <th scope="row" data-label={t.users.fullName}>
                    {u.fullName}
                    {u.email ? <span className="cell-note">{u.email}</span> : null}
                    {u.phone ? <span className="cell-note">{u.phone}</span> : null}
                  </th>
                  <td data-label={t.users.username}>
                    <code>{u.username}</code>
                  </td>
                  <td data-label={t.users.roles}>
                    {u.roles.length === 0 ? (
                      t.users.noRoles
                    ) : (
                      <ul className="list list--plain">
                        {u.roles.map((r) => (
                          <li key={`${r.role}-${r.unitId}`}>
                            {ROLE_LABELS[r.role]?.[locale] ?? r.role}
                            {' – '}
                            <span className="muted">
                              {unitById.get(r.unitId)?.shortName ??
                                unitById.get(r.unitId)?.name ??
                                t.users.unknownUnit}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label={t.users.status}>
                    <ul className="list list--plain">
                      <li>
                        <span className={`tag ${u.active ? 'tag--active' : 'tag--closed'}`}>
                          {u.active ? t.users.active : t.users.inactive}
                        </span>
                      </li>
                      {isLocked(u) && u.lockedUntil ? (
                        <li>
                          <span className="tag tag--warning">
                            {t.users.locked(formatDateTime(u.lockedUntil, locale))}
                          </span>
                        </li>
                      ) : null}
                      {u.mustChangePassword ? (
                        <li>
                          <span className="tag tag--plain">{t.users.mustChange}</span>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                  <td data-label={t.common.actions}>
                    <div className="action-list">
                      <button
                        type="button"
                        id={`edit-${u.id}`}
                        className="button button--secondary button--small"
                        aria-label={t.users.editFor(u.fullName)}
                        onClick={() => open({ kind: 'edit', user: u }, `edit-${u.id}`)}
                      >
                        {t.users.edit}
                      </button>
                      <button
                        type="button"
                        id={`pw-${u.id}`}
                        className="button button--secondary button--small"
                        aria-label={t.users.resetPasswordFor(u.fullName)}
                        onClick={() => open({ kind: 'password', user: u }, `pw-${u.id}`)}
                      >
                        {t.users.resetPassword}
                      </button>
                      {isLocked(u) ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t.users.unlockFor(u.fullName)}
                          onClick={() => quick(u, { unlock: true }, t.users.unlocked(u.fullName))}
                        >
                          {t.users.unlock}
                        </button>
                      ) : null}
                      {u.active ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t.users.deactivateFor(u.fullName)}
                          onClick={() => quick(u, { active: false }, t.users.deactivated(u.fullName))}
                        >
                          {t.users.deactivate}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t.users.activateFor(u.fullName)}
                          onClick={() => quick(u, { active: true }, t.users.activated(u.fullName))}
                        >
                          {t.users.activate}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

let rowKey = 0;

function UserForm({
  user,
  units,
  onDone,
}: {
  user?: AdminUser;
  units: Unit[];
  onDone: (message: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const { create, update } = useUserMutations();
  const mutation = user ? update : create;
  const errors = useFormErrors();
  const [form, setForm] = useState({
    username: user?.username ?? '',
    fullName: user?.fullName ?? '',
    email: user?.email ?? '',
    phone: user?.phone ?? '',
    password: '',
    active: user?.active ?? true,
  });
  const [roles, setRoles] = useState<RoleRow[]>(() =>
    (user?.roles ?? []).map((r) => ({ key: ++rowKey, role: r.role, unitId: r.unitId })),
  );
  const unitOptions = units
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (mutation.isPending) return;
    const errs: FieldErrors = {};
    if (!user && !form.username.trim()) errs.username = t.validation.usernameRequired;
    if (!form.fullName.trim()) errs.fullName = t.validation.fullNameRequired;
    if (!user && form.password.length < MIN_PASSWORD) errs.password = t.users.passwordTooShort;
    roles.forEach((r, i) => {
      if (!r.role) errs[`roles[${i}].role`] = `${t.users.roleLegend(i + 1)}: ${t.users.roleRequired}`;
      if (!r.unitId) errs[`roles[${i}].unitId`] = `${t.users.roleLegend(i + 1)}: ${t.users.unitRequired}`;
    });
    if (!errors.check(errs)) return;
    const grants = roles.map((r) => ({ role: r.role as Role, unitId: r.unitId }));
    const name = form.fullName.trim();
    if (user) {
      update.mutate(
        {
          id: user.id,
          body: {
            fullName: name,
            email: form.email.trim() || null,
            phone: form.phone.trim() || null,
            active: form.active,
            roles: grants,
          },
        },
        { onSuccess: () => onDone(t.users.saved(name)), onError: errors.fromError },
      );
    } else {
      create.mutate(
        {
          username: form.username.trim(),
          fullName: name,
          ...(form.email.trim() ? { email: form.email.trim() } : {}),
          ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
          password: form.password,
          roles: grants,
        },
        { onSuccess: () => onDone(t.users.created(name)), onError: errors.fromError },
      );
    }
  }

  return (
    <FormPanel title={user ? t.users.editTitle(user.fullName) : t.users.createTitle}>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate>
        {user ? (
          <p>
            {t.users.username}: <code>{user.username}</code>
          </p>
        ) : (
          <TextField
            id="f-username"
            label={t.users.username}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
            error={errors.fields.username}
            className="input-width-20"
          />
        )}
        <TextField
          id="f-fullName"
          label={t.users.fullName}
          autoComplete="off"
          value={form.fullName}
          onChange={(e) => setForm({ ...form, fullName: e.target.value })}
          error={errors.fields.fullName}
        />
        <div className="form-row">
          <TextField
            id="f-email"
            type="email"
            label={t.users.email}
            optional
            autoComplete="off"
            spellCheck={false}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            error={errors.fields.email}
          />
          <TextField
            id="f-phone"
            type="tel"
            label={t.users.phone}
            optional
            autoComplete="off"
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.target.value })}
            error={errors.fields.phone}
          />
        </div>
        {user ? null : (
          <TextField
            id="f-password"
            type="password"
            label={t.users.password}
            hint={t.users.passwordHint}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            error={errors.fields.password}
            className="input-width-20"
          />
        )}

        <fieldset className="fieldset" id="f-roles" tabIndex={-1}>
          <legend className="fieldset__legend fieldset__legend--m">{t.users.roles}</legend>
          <div className="hint">{t.users.rolesHint}</div>
          <InlineError id="f-roles" error={errors.fields.roles} />
          {roles.length === 0 ? <p className="muted">{t.users.noRoles}</p> : null}
          {roles.map((r, i) => (
            <fieldset className="repeat" key={r.key}>
              <legend className="repeat__legend">{t.users.roleLegend(i + 1)}</legend>
              <div className="form-row">
                <SelectField
                  id={`f-roles-${i}-role`}
                  label={t.users.role}
                  value={r.role}
                  placeholder={t.users.chooseRole}
                  options={STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role][locale] }))}
                  onChange={(e) =>
                    setRoles(
                      roles.map((x) => (x.key === r.key ? { ...x, role: e.target.value as Role | '' } : x)),
                    )
                  }
                  error={errors.fields[`roles[${i}].role`]}
                />
                <SelectField
                  id={`f-roles-${i}-unitId`}
                  label={t.users.unit}
                  value={r.unitId}
                  placeholder={t.users.chooseUnit}
                  options={unitOptions}
                  onChange={(e) =>
                    setRoles(roles.map((x) => (x.key === r.key ? { ...x, unitId: e.target.value } : x)))
                  }
                  error={errors.fields[`roles[${i}].unitId`]}
                />
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setRoles(roles.filter((x) => x.key !== r.key))}
              >
                {t.users.removeRole(i + 1)}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRoles([...roles, { key: ++rowKey, role: '', unitId: '' }])}
          >
            {t.users.addRole}
          </button>
        </fieldset>

        {user ? (
          <Checkbox
            id="f-active"
            label={t.users.accountActive}
            checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.target.checked })}
            error={errors.fields.active}
          />
        ) : null}

        <div className="button-group">
          <SubmitButton busy={mutation.isPending} busyLabel={t.common.saving}>
            {user ? t.common.save : t.users.add}
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
            {t.common.cancel}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}

function PasswordForm({ user, onDone }: { user: AdminUser; onDone: (message: string | null) => void }) {
  const { t } = useI18n();
  const { update } = useUserMutations();
  const errors = useFormErrors();
  const [password, setPassword] = useState('');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (update.isPending) return;
    const errs: FieldErrors = {};
    if (password.length < MIN_PASSWORD) errs.password = t.users.passwordTooShort;
    if (!errors.check(errs)) return;
    update.mutate(
      { id: user.id, body: { password } },
      { onSuccess: () => onDone(t.users.passwordReset(user.fullName)), onError: errors.fromError },
    );
  }

  return (
    <FormPanel title={t.users.resetTitle(user.fullName)}>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="f-password"
          type="password"
          label={t.users.newPassword}
          hint={t.users.passwordHint}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
          className="input-width-20"
        />
        <div className="button-group">
          <SubmitButton busy={update.isPending} busyLabel={t.common.saving}>
            {t.users.resetPassword}
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
            {t.common.cancel}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}
