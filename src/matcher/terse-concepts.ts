/**
 * Observed effects as short messages and second-language writers put them (eleventh round, `dev-terse-11`),
 * added to the observed concepts (observed-concepts.ts): each adds the guide's concept and keeps the words.
 */
export const terseConcepts: Readonly<Record<string, readonly string[]>> = {
  // Station Unreachable: "check if the station can communicate with the dashboard", said of a station that
  // stopped doing so: "not checking in since Tuesday", "stopped reporting".
  communication: [
    "not checking in",
    "stopped checking in",
    "quit checking in",
    "not reporting",
    "stopped reporting",
    "not reporting in",
    "never come back online",
    "not come back online",
    "not came back online",
    "did not come back online",
    "has not come back online",
    "never back online",
    "not coming back online",
    "no heartbeat",
  ],
  // Access Control's "a specific access policy", wished in a second language: the chargers "only for us",
  // closed to "people from outside".
  restricted: [
    "only for us",
    "just for us",
    "only for our",
    "only us",
    "people from outside",
    "outside people",
    "outside persons",
  ],
};
