// How long each text a reporter writes may be. The API refuses more (it never
// cuts a text short); the web forms show the same limits while they are filled in.
export const textLimits = {
  description: 4000,
  address: 300,
  reporterName: 120,
  reporterEmail: 200,
  reporterPhone: 20,
  /** Answers to a category's questions, by the question's datatype. */
  answerString: 200,
  answerText: 2000,
  ratingComment: 1000,
  reopenReason: 2000,
} as const;

export const MIN_DESCRIPTION = 10;
