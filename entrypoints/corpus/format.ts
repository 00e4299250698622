/** The corpus page's one formatter of its own; the others are shared in extension/ui/format.ts. */
import { i18n } from '#i18n';
import { localLanguageName } from '../../extension/ui/format';

/** `fr` → `French` (`français` in French); a missing or unknown code says the language is unknown. */
export const languageLabel = (code: string | null): string => localLanguageName(code) ?? code ?? i18n.t('corpus.languageUnknown');
