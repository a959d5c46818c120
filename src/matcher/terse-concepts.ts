/**
 * Observed effects as short messages and second-language writers put them (eleventh round, `dev-terse-11`),
 * added to the observed concepts (observed-concepts.ts): each adds the guide's concept and keeps the words.
 */
export const terseConcepts: Readonly<Record<string, readonly string[]>> = {
  // Station Unreachable: "check if the station can communicate with the dashboard", said of a station that
  // stopped doing so: "not checking in since Tuesday", "never came back online", "stopped reporting".
  communication: [
    "not checking in",
    "stopped checking in",
    "quit checking in",
    "not reporting",
    "stopped reporting",
    "not reporting in",
    "never came back online",
    "never come back online",
    "not come back online",
    "not came back online",
    "did not come back online",
    "has not come back online",
    "not back online",
    "never back online",
    "not coming back online",
    "no heartbeat",
    "not connecting to the network",
    "not connecting to network",
    "not connect to the network",
    "not connect to network",
    "not connected to the network",
    "not connected to network",
    "not connecting to the cloud",
    "not connected to the cloud",
    "not connecting to the server",
    "not connecting to internet",
    "not connecting to the internet",
    "no connection to the network",
    "no connection to network",
    "no network connection",
  ],
  // Charging Station Connections' "Driver unable to join the driver group", in a second language.
  join: [
    "enter in group",
    "enter in the group",
    "enter to the group",
    "enter into the group",
    "enter the group",
    "entering the group",
    "get in the group",
    "get into the group",
    "come in the group",
    "go in the group",
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
