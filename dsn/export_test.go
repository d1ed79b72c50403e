package dsn

// Hooks into the package for its external tests.
var (
	DecodeQuotedPrintable = decodeQuotedPrintable
	QPMaxLine             = qpMaxLine
)
