// Deadlines (SLA): the region's default per stage, and a category's own
// deadline for a stage, which replaces the default for that stage only.
import { useId, useState, type FormEvent } from 'react';
import { api, regionApi } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ui.js';
import { useStaffApi } from '../../../query.js';
import { useI18n } from '../../../i18n/index.js';
import type { Category, RegionProfile } from '../../../types.js';
import type { SlaPolicy } from '../../../admin-types.js';
import { Outcome, useFieldProblem, useWrite } from '../../../pages/staff/admin/shared.js';

type SlaStage = SlaPolicy['stage'];
type SlaUnit = SlaPolicy['unit'];

const stages: SlaStage[] = ['verification', 'response', 'resolution'];
const slaUnits: SlaUnit[] = ['hours', 'working_days'];

interface Rule {
  categoryId: string | null;
  stage: SlaStage;
  amount: number;
  unit: SlaUnit;
  targetAmount: number | null;
}

export function DeadlinesSection({ region }: { region: RegionProfile }) {
  const { t, pick } = useI18n();
  const base = regionApi(region.code);
  const sla = useStaffApi<SlaPolicy[]>(`${base}/admin/sla`);
  const categories = useStaffApi<Category[]>(`${base}/admin/categories`);
  const error = sla.error ?? categories.error;
  if (error) return <ErrorMessage error={error} />;
  if (!sla.data || !categories.data) return <Loading />;
  const categoryName = (id: string | null) => {
    const c = categories.data!.find((k) => k.id === id);
    return c ? pick({ id: c.nameId, en: c.nameEn }) : t('admin.sla.default');
  };
  const form = {
    save: (rule: Rule) => api(`${base}/admin/sla`, { method: 'PUT', body: rule }),
    saved: (rule: Rule) => t('admin.sla.saved', { stage: t(`stage.${rule.stage}`), scope: categoryName(rule.categoryId) }),
    onSaved: sla.reload,
  };
  const policy = (categoryId: string | null, stage: SlaStage) => sla.data!.find((p) => p.categoryId === categoryId && p.stage === stage);
  const overridden = categories.data.filter((c) => sla.data!.some((p) => p.categoryId === c.id));
  const rule = (categoryId: string | null, stage: SlaStage) => {
    const p = policy(categoryId, stage);
    return (
      <RuleForm key={`${categoryId}-${stage}`} label={t('admin.sla.rowLabel', { stage: t(`stage.${stage}`), scope: categoryName(categoryId) })}
        title={t(`stage.${stage}`)} fixed={{ categoryId, stage }} initial={p} {...form} />
    );
  };
  return (
    <>
      <p>{t('admin.sla.intro')}</p>
      <section aria-labelledby="sla-default">
        <h2 id="sla-default">{t('admin.sla.default')}</h2>
        {stages.map((stage) => rule(null, stage))}
      </section>
      <section aria-labelledby="sla-overrides">
        <h2 id="sla-overrides">{t('admin.sla.overrides')}</h2>
        <p className="hint">{t('admin.sla.overridesHint')}</p>
        {overridden.length === 0 && <p className="muted">{t('admin.sla.noOverrides')}</p>}
        {overridden.map((c) => (
          <div key={c.id} className="card">
            <h3>{categoryName(c.id)}</h3>
            {stages.filter((stage) => policy(c.id, stage)).map((stage) => rule(c.id, stage))}
          </div>
        ))}
        <RuleForm label={t('admin.sla.addOverride')} title={t('admin.sla.addOverride')} categories={categories.data} {...form} />
      </section>
    </>
  );
}

/** One stage's deadline; without `fixed`, the category and stage are chosen in the form. */
function RuleForm({ label, title, fixed, categories, initial, save, saved, onSaved }: {
  label: string; title: string; fixed?: { categoryId: string | null; stage: SlaStage }; categories?: Category[]; initial?: SlaPolicy;
  save: (rule: Rule) => Promise<unknown>; saved: (rule: Rule) => string; onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const id = useId();
  const write = useWrite();
  const problem = useFieldProblem(write);
  const [amountProblem, targetProblem] = [problem('amount', `${id}-amount`), problem('targetAmount', `${id}-target`, `${id}-target-hint`)];
  const [categoryId, setCategoryId] = useState(fixed?.categoryId ?? '');
  const [stage, setStage] = useState<SlaStage | ''>(fixed?.stage ?? '');
  const [amount, setAmount] = useState(initial ? String(initial.amount) : '');
  const [unit, setUnit] = useState<SlaUnit>(initial?.unit ?? 'working_days');
  const [target, setTarget] = useState(initial?.targetAmount != null ? String(initial.targetAmount) : '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!stage) return;
    const rule: Rule = { categoryId: categoryId || null, stage, amount: Number(amount), unit, targetAmount: target === '' ? null : Number(target) };
    void write.run(() => save(rule), saved(rule)).then((ok) => ok && onSaved());
  };
  return (
    <form className="sla-rule" onSubmit={submit} aria-label={label}>
      <h3 className="rule-title">{title}</h3>
      {!fixed && (
        <>
          <div className="field">
            <label htmlFor={`${id}-category`}>{t('admin.sla.category')}</label>
            <select id={`${id}-category`} required value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              <option value="" disabled>{t('admin.sla.chooseCategory')}</option>
              {categories?.map((c) => <option key={c.id} value={c.id}>{pick({ id: c.nameId, en: c.nameEn })}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-stage`}>{t('admin.sla.stage')}</label>
            <select id={`${id}-stage`} required value={stage} onChange={(e) => setStage(e.target.value as SlaStage)}>
              <option value="" disabled>—</option>
              {stages.map((s) => <option key={s} value={s}>{t(`stage.${s}`)}</option>)}
            </select>
          </div>
        </>
      )}
      <div className="sla-fields">
        <div className="field">
          <label htmlFor={`${id}-amount`}>{t('admin.sla.amount')}</label>
          <input id={`${id}-amount`} type="number" inputMode="numeric" min={0} max={2000} step={1} required value={amount} onChange={(e) => setAmount(e.target.value)} {...amountProblem.input} />
          {amountProblem.message}
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('admin.sla.unit')}</label>
          <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value as SlaUnit)}>
            {slaUnits.map((u) => <option key={u} value={u}>{t(`admin.sla.unit.${u}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-target`}>{t('admin.sla.target')} <span className="muted small">({t('common.optional')})</span></label>
          <input id={`${id}-target`} type="number" inputMode="numeric" min={0} max={2000} step={1} value={target} onChange={(e) => setTarget(e.target.value)} {...targetProblem.input} />
          <small id={`${id}-target-hint`} className="hint">{t('admin.sla.targetHint')}</small>
          {targetProblem.message}
        </div>
      </div>
      <Outcome write={write} />
      <button type="submit" className="button secondary" disabled={write.busy}>{t('admin.save')}</button>
    </form>
  );
}
