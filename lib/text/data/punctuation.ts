/** Chinese punctuation, most frequent first (full-width and the ASCII forms these reports use). */
export const COMMON_PUNCTUATION = "，,。、“”：:；;（）()《》！!？?…—·「」『』";

/** Marks that end a sentence. */
export const SENTENCE_END = "。！？!?；;…";

/** Quotes and brackets that may close a sentence right after its end mark (`……。”`). */
export const CLOSING_MARKS = "”’」』）)》】";

export const OPENING_QUOTES = "“‘「『";
export const CLOSING_QUOTES = "”’」』";
