/**
 * Guide, Replacing Hardware (and the Firmware Upgrade and Multifamily screenshots): the dashboard shows a
 * station's MAC address two ways, 0024:B100:0006:ED63 in the header and 0024B1000006ED63 on the General
 * tab; serial numbers such as 220741018018; activation passwords such as 65506.
 */
export const identityExamples = {
  mac: "0024:B100:0006:ED63",
  serial: "220741018018",
  activationPassword: "65506",
} as const;
