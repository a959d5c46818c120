/**
 * Function words that say nothing about which playbook a message is about. They are dropped before
 * scoring and never spelling-corrected (so "teh" is left alone rather than turned into a domain word).
 */
export const stopwords: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing done down during each even ever every few for from further
  get gets getting got had has have having he her here hers herself him himself his how i if in into is it its
  itself just let like me more most my myself no nor not now of off on once only or other our ours ourselves
  out over own same she should so some such than that the their theirs them themselves then there these they
  this those through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves hi hey hello thanks thank thx pls plz please ok okay yes yeah yep
  anyone someone somebody anybody something anything everyone team guys folks all quick question q know
  need needs want wants wanted trying try tried help hmm um uh still again already really also maybe
  one two us im ive ill id etc via per lol btw fyi asap today yesterday tomorrow morning week
  afternoon evening cheers regards appreciate appreciated advise ticket tickets inc ref seem seems seemed much
  several since ago whether tell told say says said think thought guess sure probably actually currently
  anyway else though although bit thing things` //
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
