// The wording a new draft starts from: a built-in opening and closing per
// layout, which the region admin replaces per document type (surat_templates).
export type Layout = 'korespondensi' | 'berjudul';

export interface TemplateWords { opening: string; closing: string }

export const BUILT_IN_TEMPLATES: Record<Layout, TemplateWords> = {
  korespondensi: {
    opening: 'Dengan hormat,',
    closing: 'Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.',
  },
  berjudul: {
    opening: '',
    closing: 'Demikian untuk dilaksanakan dengan penuh tanggung jawab.',
  },
};

/** The template of a document type: the region's own words where it has them, else the layout's built-in ones. */
export const templateFor = (layout: Layout, own: TemplateWords | null): TemplateWords & { isDefault: boolean } =>
  own ? { ...own, isDefault: false } : { ...BUILT_IN_TEMPLATES[layout], isDefault: true };
