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
export type PublicBill = Schemas['LayananPublicBill'];
export type PaymentChannel = Schemas['LayananPaymentChannel'];
