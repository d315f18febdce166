import { ROLE_LABELS, ROLES, type Role } from '@motcua/core';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useUnits, useUserMutations, useUsers } from '../../api/admin.ts';
import type { AdminUser, Unit } from '../../api/types.ts';
import {
  Checkbox,
  type FieldErrors,
  InlineError,
  problemMessage,
  SelectField,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { InlineSearch } from '../../components/InlineSearch.tsx';
import { PanelForm } from '../../components/PanelForm.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { usePageTitle } from '../../components/ui.tsx';
import { useFlash } from '../../components/useFlash.tsx';
import { useOpenPanel } from '../../components/useOpenPanel.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

const STAFF_ROLES = ROLES.filter((r) => r !== 'citizen');
const MIN_PASSWORD = 12;

interface RoleRow {
  key: number;
  role: Role | '';
  unitId: string;
}

type Mode = { kind: 'create' } | { kind: 'edit'; user: AdminUser } | { kind: 'password'; user: AdminUser };

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
  const { panel: mode, ...panel } = useOpenPanel<Mode>();
  const flash = useFlash();
  const unitById = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u])), [units.data]);

  function open(next: Mode, from: string) {
    flash.clear();
    panel.open(next, from);
  }

  function done(message: string | null) {
    panel.close({ returnFocus: !message });
    if (message) flash.show(message);
  }

  function quick(user: AdminUser, body: { active?: boolean; unlock?: boolean }, message: string) {
    update.mutate(
      { id: user.id, body },
      { onSuccess: () => flash.show(message), onError: (e) => flash.show(problemMessage(e, t), 'error') },
    );
  }

  const list = users.data?.items ?? [];

  return (
    <>
      <h1>{t.users.title}</h1>
      <p className="lead">{t.users.lead}</p>
      {flash.notice}

      {mode === null ? (
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

      <InlineSearch
        id="user-search"
        label={t.users.search}
        hint={t.users.searchHint}
        value={search}
        onChange={setSearch}
        onSearch={() => setQ(search.trim())}
        button={t.common.search}
      />

      <p className="result-count" role="status" aria-live="polite">
        {users.isFetching ? t.common.loading : users.data ? t.users.count(list.length) : ''}
      </p>
      <QueryStatus query={users} />
      {users.data && list.length === 0 ? <p>{t.users.empty}</p> : null}
      {list.length > 0 ? (
        <StackTable
          caption={t.users.title}
          columns={[t.users.fullName, t.users.username, t.users.roles, t.users.status, t.common.actions]}
        >
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
                  <RowAction
                    id={`edit-${u.id}`}
                    label={t.users.editFor(u.fullName)}
                    onClick={() => open({ kind: 'edit', user: u }, `edit-${u.id}`)}
                  >
                    {t.users.edit}
                  </RowAction>
                  <RowAction
                    id={`pw-${u.id}`}
                    label={t.users.resetPasswordFor(u.fullName)}
                    onClick={() => open({ kind: 'password', user: u }, `pw-${u.id}`)}
                  >
                    {t.users.resetPassword}
                  </RowAction>
                  {isLocked(u) ? (
                    <RowAction
                      label={t.users.unlockFor(u.fullName)}
                      onClick={() => quick(u, { unlock: true }, t.users.unlocked(u.fullName))}
                    >
                      {t.users.unlock}
                    </RowAction>
                  ) : null}
                  {u.active ? (
                    <RowAction
                      label={t.users.deactivateFor(u.fullName)}
                      onClick={() => quick(u, { active: false }, t.users.deactivated(u.fullName))}
                    >
                      {t.users.deactivate}
                    </RowAction>
                  ) : (
                    <RowAction
                      label={t.users.activateFor(u.fullName)}
                      onClick={() => quick(u, { active: true }, t.users.activated(u.fullName))}
                    >
                      {t.users.activate}
                    </RowAction>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </StackTable>
      ) : null}
    </>
  );
}

/** A button in a user's row; `label` names the user, as the text alone does not say whose row it is. */
function RowAction({
  id,
  label,
  onClick,
  children,
}: {
  id?: string;
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      id={id}
      className="button button--secondary button--small"
      aria-label={label}
      onClick={onClick}
    >
      {children}
    </button>
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
    <PanelForm
      title={user ? t.users.editTitle(user.fullName) : t.users.createTitle}
      errors={errors}
      onSubmit={onSubmit}
      busy={mutation.isPending}
      busyLabel={t.common.saving}
      submitLabel={user ? t.common.save : t.users.add}
      onCancel={() => onDone(null)}
    >
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
        <PasswordField
          id="f-password"
          label={t.users.password}
          hint={t.users.passwordHint}
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          error={errors.fields.password}
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
    </PanelForm>
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
    <PanelForm
      title={t.users.resetTitle(user.fullName)}
      errors={errors}
      onSubmit={onSubmit}
      busy={update.isPending}
      busyLabel={t.common.saving}
      submitLabel={t.users.resetPassword}
      onCancel={() => onDone(null)}
    >
      <PasswordField
        id="f-password"
        label={t.users.newPassword}
        hint={t.users.passwordHint}
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.fields.password}
      />
    </PanelForm>
  );
}
