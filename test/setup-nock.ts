// Imported before every test file so nock patches fetch and http before Bolt or botbuilder capture them.
// No test may reach the network except loopback.
import nock from "nock";

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
