#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so <libxml/encoding.h> would pull in <unicode/ucnv.h>, whose
// ICU declarations clash with Foundation's private ICU copy in any Swift module that imports both.
// Without this macro the header only drops ICU members at the end of xmlCharEncodingHandler,
// a struct Wenxi never touches (it only hands UTF-8 to htmlReadMemory).
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
// SAX parsing (HTMLExtractor): nodePush/nodePop keep libxml2's depth limit, xmlSplitQName names
// elements as the tree builder does.
#include <libxml/parserInternals.h>
