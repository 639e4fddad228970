// `import Wenxi` brings the report types, spans and errors of WenxiCore with it.
@_exported import WenxiCore
