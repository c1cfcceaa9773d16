// The public-services API's answers, typed from its OpenAPI document.
import type { components, paths } from '../../../api-types.js';

type Schemas = components['schemas'];

export type Standard = Schemas['LayananStandard'];
export type ServiceBrief = Schemas['LayananServiceBrief'];
export type Service = Schemas['LayananService'];
export type PublicServiceBrief = Schemas['LayananPublicServiceBrief'];
export type PublicService = Schemas['LayananPublicService'];
export type Pledge = Schemas['LayananPledge'];
export type Component = Service['components'][number];
export type PublicSkm = Schemas['LayananPublicSkm'];
export type SkmInstrument = Schemas['LayananSkmInstrument'];
export type SkmResults = Schemas['LayananSkmResults'];
export type FormDefinition = Schemas['LayananForm'];
export type FormField = FormDefinition['fields'][number];
export type Workflow = Schemas['LayananWorkflow'];
export type Stage = Workflow['stages'][number];
export type ResultTemplate = Schemas['LayananResultTemplate'];
export type Tariff = Schemas['LayananTariff'];
export type DefinitionProblem = Schemas['LayananDefinitionProblem'];
export type Application = Schemas['LayananApplication'];
export type ApplicationStatus = Schemas['LayananApplicationStatus'];
export type ApplicationFiled = Schemas['LayananApplicationFiled'];
export type QueueItem = paths['/api/regions/{region}/layanan/applications']['get']['responses'][200]['content']['application/json']['items'][number];
export type MyApplication = paths['/api/me/layanan/applications']['get']['responses'][200]['content']['application/json'][number];
export type DocumentVerification = Schemas['LayananDocumentVerification'];
export type DocumentList = { total: number; items: Schemas['LayananDocument'][] };
export type Numbering = Schemas['LayananNumbering'];
export type Letterhead = Schemas['LayananLetterhead'];
export type PublicBill = Schemas['LayananPublicBill'];
export type PaymentChannel = Schemas['LayananPaymentChannel'];
export type Bill = Schemas['LayananBill'];
export type BillList = paths['/api/regions/{region}/layanan/bills']['get']['responses'][200]['content']['application/json'];
export type TaxImport = Schemas['LayananTaxImport'];
export type Reconciliation = Schemas['LayananReconciliation'];
export type ReconciliationSummary = paths['/api/regions/{region}/layanan/payments/reconciliations']['get']['responses'][200]['content']['application/json'][number];
export type Accountability = Schemas['LayananAccountability'];
