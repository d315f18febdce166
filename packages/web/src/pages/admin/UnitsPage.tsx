import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@motcua/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useUnitMutations, useUnits } from '../../api/admin.ts';
import type { Unit } from '../../api/types.ts';
import { DateField } from '../../components/DateInput.tsx';
import {
  type FieldErrors,
  isIsoDate,
  SelectField,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { PanelForm } from '../../components/PanelForm.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { usePageTitle } from '../../components/ui.tsx';
import { useFlash } from '../../components/useFlash.tsx';
import { useOpenPanel } from '../../components/useOpenPanel.ts';
import { formatDate, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Messages } from '../../i18n/vi.ts';

interface TreeNode {
  unit: Unit;
  children: TreeNode[];
  depth: number;
}

function buildTree(units: Unit[]): TreeNode[] {
  const byParent = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(u);
    byParent.set(parent, list);
  }
  const order = (a: Unit, b: Unit) =>
    Number(b.active) - Number(a.active) || a.code.localeCompare(b.code) || a.name.localeCompare(b.name);
  const build = (parent: string | null, depth: number): TreeNode[] =>
    (byParent.get(parent) ?? [])
      .sort(order)
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  return build(null, 0);
}

function flatten(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

type Mode =
  | { kind: 'create'; parentId: string | null }
  | { kind: 'edit'; unit: Unit }
  | { kind: 'close'; unit: Unit };

export default function UnitsPage() {
  const { t } = useI18n();
  usePageTitle(t.units.title);
  const units = useUnits();
  const { panel: mode, ...panel } = useOpenPanel<Mode>();
  const flash = useFlash();
  const tree = useMemo(() => buildTree(units.data?.items ?? []), [units.data]);
  const flat = useMemo(() => flatten(tree), [tree]);
  const byId = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u])), [units.data]);

  function open(next: Mode, from?: string) {
    flash.clear();
    panel.open(next, from);
  }

  function done(message: string | null) {
    panel.close({ returnFocus: !message });
    if (message) flash.show(message);
  }

  return (
    <>
      <h1>{t.units.title}</h1>
      <p className="lead">{t.units.lead}</p>
      {flash.notice}

      {mode === null ? (
        <p>
          <button
            type="button"
            id="add-unit"
            className="button button--primary"
            onClick={() => open({ kind: 'create', parentId: null }, 'add-unit')}
          >
            {t.units.add}
          </button>
        </p>
      ) : null}
      {mode?.kind === 'create' ? (
        <CreateUnitForm flat={flat} parentId={mode.parentId} onDone={done} />
      ) : mode?.kind === 'edit' ? (
        <EditUnitForm unit={mode.unit} onDone={done} />
      ) : mode?.kind === 'close' ? (
        <CloseUnitForm unit={mode.unit} flat={flat} onDone={done} />
      ) : null}

      <h2>{t.units.tree}</h2>
      <QueryStatus query={units} />
      {units.data ? (
        <>
          <p className="muted">{t.units.count(units.data.items.length)}</p>
          {tree.length === 0 ? <p>{t.units.empty}</p> : <UnitTree nodes={tree} byId={byId} onAction={open} />}
        </>
      ) : null}
    </>
  );
}

function UnitTree({
  nodes,
  byId,
  onAction,
}: {
  nodes: TreeNode[];
  byId: Map<string, Unit>;
  onAction: (mode: Mode, from: string) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <ul className="tree">
      {nodes.map(({ unit, children }) => {
        const successor = unit.successorId ? byId.get(unit.successorId) : undefined;
        const today = todayIso();
        const closingLater = !!unit.effectiveTo && unit.effectiveTo >= today && unit.active;
        return (
          <li key={unit.id} className={`tree__item ${unit.active ? '' : 'tree__item--closed'}`}>
            <div className="unit">
              <div className="unit__main">
                <p className="unit__name">
                  <strong>{unit.name}</strong>
                  {unit.shortName ? <span className="muted"> ({unit.shortName})</span> : null}
                </p>
                <p className="unit__meta">
                  {[
                    unit.code,
                    UNIT_KIND_LABELS[unit.kind]?.[locale] ?? unit.kind,
                    t.units.period(
                      formatDate(unit.effectiveFrom, locale),
                      unit.effectiveTo ? formatDate(unit.effectiveTo, locale) : null,
                    ),
                  ].join(' · ')}
                </p>
                <p className="unit__status">
                  {unit.active ? (
                    <span className="tag tag--active">{t.units.active}</span>
                  ) : (
                    <span className="tag tag--closed">{t.units.closed}</span>
                  )}
                  {closingLater && unit.effectiveTo ? (
                    <span className="tag tag--plain">
                      {t.units.scheduledClose(formatDate(unit.effectiveTo, locale))}
                    </span>
                  ) : null}
                  {successor ? (
                    <span className="unit__successor">{t.units.successorIs(successor.name)}</span>
                  ) : null}
                </p>
              </div>
              <div className="unit__actions">
                <button
                  type="button"
                  id={`edit-${unit.id}`}
                  className="button button--secondary button--small"
                  onClick={() => onAction({ kind: 'edit', unit }, `edit-${unit.id}`)}
                >
                  {t.common.edit}
                  <span className="visually-hidden"> {unit.name}</span>
                </button>
                {unit.active ? (
                  <>
                    <button
                      type="button"
                      id={`child-${unit.id}`}
                      className="button button--secondary button--small"
                      onClick={() => onAction({ kind: 'create', parentId: unit.id }, `child-${unit.id}`)}
                    >
                      {t.units.addChild}
                      <span className="visually-hidden"> – {unit.name}</span>
                    </button>
                    {!unit.effectiveTo ? (
                      <button
                        type="button"
                        id={`close-${unit.id}`}
                        className="button button--secondary button--small"
                        onClick={() => onAction({ kind: 'close', unit }, `close-${unit.id}`)}
                      >
                        {t.units.close}
                        <span className="visually-hidden"> – {unit.name}</span>
                      </button>
                    ) : null}
                  </>
                ) : null}
              </div>
            </div>
            {children.length > 0 ? <UnitTree nodes={children} byId={byId} onAction={onAction} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function unitOptions(flat: TreeNode[], exclude?: string) {
  return flat
    .filter((n) => n.unit.id !== exclude && n.unit.active)
    .map((n) => ({
      value: n.unit.id,
      label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.unit.name} (${n.unit.code})`,
    }));
}

interface NameForm {
  code: string;
  name: string;
  shortName: string;
}

/** The code and names of a unit, the same when it is created and when it is edited. */
function NameFields<F extends NameForm>({
  form,
  setForm,
  errors,
}: {
  form: F;
  setForm: (next: F) => void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id="f-code"
        label={t.units.code}
        hint={t.units.codeHint}
        value={form.code}
        onChange={(e) => setForm({ ...form, code: e.target.value })}
        error={errors.code}
        className="input-width-20"
        spellCheck={false}
      />
      <TextField
        id="f-name"
        label={t.units.name}
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
        error={errors.name}
      />
      <TextField
        id="f-shortName"
        label={t.units.shortName}
        optional
        value={form.shortName}
        onChange={(e) => setForm({ ...form, shortName: e.target.value })}
        error={errors.shortName}
        className="input-width-20"
      />
    </>
  );
}

/** What both forms check of the code and the name. */
function nameErrors(form: NameForm, t: Messages): FieldErrors {
  const errs: FieldErrors = {};
  if (!form.code.trim()) errs.code = t.validation.unitCodeRequired;
  if (!form.name.trim()) errs.name = t.validation.unitNameRequired;
  return errs;
}

function CreateUnitForm({
  flat,
  parentId,
  onDone,
}: {
  flat: TreeNode[];
  parentId: string | null;
  onDone: (message: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const { create } = useUnitMutations();
  const errors = useFormErrors();
  const [form, setForm] = useState({
    parentId: parentId ?? '',
    kind: '' as UnitKind | '',
    code: '',
    name: '',
    shortName: '',
    effectiveFrom: todayIso(),
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    const errs: FieldErrors = {};
    if (!form.kind) errs.kind = t.validation.kindRequired;
    Object.assign(errs, nameErrors(form, t));
    if (!form.effectiveFrom) errs.effectiveFrom = t.validation.dateRequired;
    else if (!isIsoDate(form.effectiveFrom)) errs.effectiveFrom = t.validation.dateInvalid;
    if (!errors.check(errs) || !form.kind) return;
    create.mutate(
      {
        parentId: form.parentId || null,
        kind: form.kind,
        code: form.code.trim(),
        name: form.name.trim(),
        ...(form.shortName.trim() ? { shortName: form.shortName.trim() } : {}),
        effectiveFrom: form.effectiveFrom,
      },
      { onSuccess: (u) => onDone(t.units.created(u?.name ?? form.name)), onError: errors.fromError },
    );
  }

  return (
    <PanelForm
      title={t.units.createTitle}
      errors={errors}
      onSubmit={onSubmit}
      busy={create.isPending}
      busyLabel={t.common.saving}
      submitLabel={t.units.add}
      onCancel={() => onDone(null)}
    >
      <SelectField
        id="f-parentId"
        label={t.units.parent}
        value={form.parentId}
        onChange={(e) => setForm({ ...form, parentId: e.target.value })}
        placeholder={t.units.noParent}
        options={unitOptions(flat)}
        error={errors.fields.parentId}
      />
      <SelectField
        id="f-kind"
        label={t.units.kind}
        value={form.kind}
        onChange={(e) => setForm({ ...form, kind: e.target.value as UnitKind | '' })}
        placeholder={t.units.chooseKind}
        options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][locale] }))}
        error={errors.fields.kind}
      />
      <NameFields form={form} setForm={setForm} errors={errors.fields} />
      <DateField
        id="f-effectiveFrom"
        label={t.units.effectiveFrom}
        value={form.effectiveFrom}
        onChange={(v) => setForm({ ...form, effectiveFrom: v })}
        error={errors.fields.effectiveFrom}
        className="input-width-10"
      />
    </PanelForm>
  );
}

function EditUnitForm({ unit, onDone }: { unit: Unit; onDone: (message: string | null) => void }) {
  const { t } = useI18n();
  const { update } = useUnitMutations();
  const errors = useFormErrors();
  const [form, setForm] = useState({ code: unit.code, name: unit.name, shortName: unit.shortName ?? '' });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (update.isPending) return;
    if (!errors.check(nameErrors(form, t))) return;
    update.mutate(
      {
        id: unit.id,
        body: { code: form.code.trim(), name: form.name.trim(), shortName: form.shortName.trim() || null },
      },
      { onSuccess: () => onDone(t.units.saved(form.name.trim())), onError: errors.fromError },
    );
  }

  return (
    <PanelForm
      title={t.units.editTitle(unit.name)}
      errors={errors}
      onSubmit={onSubmit}
      busy={update.isPending}
      busyLabel={t.common.saving}
      submitLabel={t.common.save}
      onCancel={() => onDone(null)}
    >
      <NameFields form={form} setForm={setForm} errors={errors.fields} />
    </PanelForm>
  );
}

function CloseUnitForm({
  unit,
  flat,
  onDone,
}: {
  unit: Unit;
  flat: TreeNode[];
  onDone: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const { update } = useUnitMutations();
  const errors = useFormErrors();
  const [effectiveTo, setEffectiveTo] = useState(todayIso());
  const [successorId, setSuccessorId] = useState('');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (update.isPending) return;
    const errs: FieldErrors = {};
    if (!effectiveTo) errs.effectiveTo = t.validation.dateRequired;
    else if (!isIsoDate(effectiveTo)) errs.effectiveTo = t.validation.dateInvalid;
    if (!errors.check(errs)) return;
    update.mutate(
      { id: unit.id, body: { effectiveTo, successorId: successorId || null } },
      { onSuccess: () => onDone(t.units.closedMsg(unit.name)), onError: errors.fromError },
    );
  }

  return (
    <PanelForm
      title={t.units.closeTitle(unit.name)}
      errors={errors}
      intro={<p>{t.units.closeLead}</p>}
      onSubmit={onSubmit}
      busy={update.isPending}
      busyLabel={t.units.closing}
      submitLabel={t.units.close}
      variant="warning"
      onCancel={() => onDone(null)}
    >
      <DateField
        id="f-effectiveTo"
        label={t.units.effectiveTo}
        value={effectiveTo}
        onChange={(v) => setEffectiveTo(v)}
        error={errors.fields.effectiveTo}
        className="input-width-10"
      />
      <SelectField
        id="f-successorId"
        label={t.units.successor}
        optional
        value={successorId}
        onChange={(e) => setSuccessorId(e.target.value)}
        placeholder={t.units.noSuccessor}
        options={unitOptions(flat, unit.id)}
        error={errors.fields.successorId}
      />
    </PanelForm>
  );
}
