// Everything a service defines beyond its standard, versioned with it: the
// application form, the workflow, the result template and the tariff. An
// application keeps the version it was filed under, so a version row holds
// all four. Pure.
import { z } from 'zod';
import { emptyForm, formProblems, formShape } from './form.js';
import type { Problem } from './problems.js';
import type { Standard } from './standard.js';
import { defaultResult, resultShape, templateProblems } from './template.js';
import { freeTariff, tariffProblems, tariffShape } from './tariff.js';
import { defaultWorkflow, workflowDayProblems, workflowProblems, workflowShape } from './workflow.js';

export const definitionShape = z.object({ form: formShape, workflow: workflowShape, result: resultShape, tariff: tariffShape });
export type Definition = z.infer<typeof definitionShape>;

/** A new service's definition: no fields yet, the default workflow, a plain certificate, free. */
export const defaultDefinition = (): Definition => ({ form: emptyForm(), workflow: defaultWorkflow(), result: defaultResult(), tariff: freeTariff() });

/** Each part's own rules: a draft breaking them is not saved. */
export const partProblems = (d: Definition): Problem[] => [...formProblems(d.form), ...workflowProblems(d.workflow)];

/** Everything that stops publication: the parts' own rules, and how they fit each other and the standard. */
export const definitionProblems = (d: Definition, standard: Standard): Problem[] => [
  ...partProblems(d),
  ...workflowDayProblems(d.workflow, standard.timeLimitDays),
  ...templateProblems(d.result, d.form),
  ...tariffProblems(d.tariff, d.form, standard.fee),
];
