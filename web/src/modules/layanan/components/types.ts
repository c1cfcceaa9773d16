// The public-services API's answers, typed from its OpenAPI document.
import type { components } from '../../../api-types.js';

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
export type DocumentVerification = Schemas['LayananDocumentVerification'];
export type DocumentList = { total: number; items: Schemas['LayananDocument'][] };
export type Numbering = Schemas['LayananNumbering'];
export type Letterhead = Schemas['LayananLetterhead'];
export type PublicBill = Schemas['LayananPublicBill'];
export type PaymentChannel = Schemas['LayananPaymentChannel'];
