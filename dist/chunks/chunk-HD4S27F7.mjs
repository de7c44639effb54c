import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  GitHubUnavailableError
} from "./chunk-GQ4WX3Q2.mjs";
import {
  startBuildxProbes
} from "./chunk-SQQ6Q726.mjs";
import {
  LIFECYCLE_METADATA_LABEL,
  VERDICT_WORDS,
  annotationsFor,
  assembleReport,
  baseAnnotations,
  count,
  describeThreshold,
  escapeMarkdown,
  formatBytes,
  formatChange,
  imageName,
  inlineCode,
  isStale,
  listing,
  loadSnapshot,
  mermaidLabel,
  originLabel,
  rebaseImage,
  runImageFromLabel,
  saveSnapshot,
  shortImageName,
  snapshotLocation,
  tableCode,
  truncate,
  truncateWords,
  unbreakable,
  wrappable
} from "./chunk-VZQIZ2NN.mjs";
import {
  buildCacheSpec,
  buildkitLocalCacheEntries,
  readCacheKeyFiles,
  restoreForBuild,
  runnerPlatform,
  settleAfterBuild
} from "./chunk-CASSTEEJ.mjs";
import {
  CACHE_POST_NOTE_STATE,
  CACHE_STATE
} from "./chunk-EXODKZOY.mjs";
import {
  ReferenceError,
  digestOf,
  isLoopbackRegistry,
  parseReference,
  repositoryOf,
  tagOf
} from "./chunk-FMNSBQPK.mjs";
import {
  PlatformError,
  formatPlatform,
  hostPlatform,
  parsePlatform
} from "./chunk-W76PVC6K.mjs";
import {
  InputError,
  inputsIgnoredBy,
  redactSecrets,
  secretValues
} from "./chunk-VQ53LQAZ.mjs";
import {
  DEFAULT_BUILDER,
  LISTED_DIRS,
  detectMode,
  join as join2,
  languageMatches,
  unsupportedLanguage
} from "./chunk-GWZLJZQ2.mjs";
import {
  createHash
} from "./chunk-IKMFQSA6.mjs";
import {
  createReadStream
} from "./chunk-AFJQPEMD.mjs";
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  writeFile
} from "./chunk-LN2W4AOD.mjs";
import {
  join
} from "./chunk-I2GFJFAX.mjs";
import {
  __commonJS,
  __esm,
  __export,
  __toCommonJS,
  __toESM
} from "./chunk-HB5L67CJ.mjs";

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label2, textEdit, additionalTextEdits) {
        return {
          label: label2,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code)) {
          result.code = code;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label2, needsConfirmation, description) {
        const result = { label: label2 };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change2) => {
          if (Is.string(change2.kind)) {
            return CreateFile.is(change2) || RenameFile.is(change2) || DeleteFile.is(change2);
          } else {
            return TextDocumentEdit.is(change2);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      delete(range, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id = idOrAnnotation;
        } else {
          id = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id] !== void 0) {
          throw new Error(`Id ${id} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id}`);
        }
        this._annotations[id] = annotation;
        this._size++;
        return id;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change2) => {
              if (TextDocumentEdit.is(change2)) {
                const textEditChange = new TextEditChangeImpl(change2.edits, this._changeAnnotations);
                this._textEditChanges[change2.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label2) {
        return { label: label2 };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label2, documentation) {
        return documentation ? { label: label2, documentation } : { label: label2 };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label2, documentation, ...parameters) {
        const result = { label: label2 };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name, kind, range, uri, containerName) {
        const result = {
          name,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name, kind, uri, range) {
        return range !== void 0 ? { name, kind, location: { uri, range } } : { name, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name, detail, kind, range, selectionRange, children) {
        const result = {
          name,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text) {
        return { range, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label2, kind) {
        const result = { position, label: label2 };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text) {
        return { range, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits(document, edits) {
        let text = document.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare);
        mergeSort2(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text = this._content;
          let isLineStart = true;
          for (let i = 0; i < text.length; i++) {
            if (isLineStart) {
              lineOffsets.push(i);
              isLineStart = false;
            }
            const ch = text.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text.length && text.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text.length > 0) {
            lineOffsets.push(text.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string;
      function number(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content = this.getContent();
        if (content) {
          return "# " + content;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        }
        if (start === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change2 of changes) {
          if (_FullTextDocument.isIncremental(change2)) {
            const range = getWellformedRange(change2.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change2.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change2.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change2.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change2.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                lineOffsets[i] = lineOffsets[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change2)) {
            this._content = change2.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine = lineOffsets.length - 1;
          return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document, changes, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits(document, edits) {
        const text = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start = true;
              comment = false;
              i += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start = true;
              comment = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment) {
              startPosition = null;
              start = true;
              comment = false;
            }
          } else {
            if (!comment) {
              if (startPosition === null) {
                if (char === "#") {
                  comment = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment) {
                  comment = false;
                  start = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next === "\n") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment) {
            if (start && char === "#") {
              comment = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start = this.document.positionAt(offset + i);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name += content.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name += ch;
              break;
          }
        }
        return name;
      }
      getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start === -1) {
                start = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name2 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name2, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text.charAt(index) === "	") {
            index++;
          }
          if (text.substring(index) === name) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text === name ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name) {
        for (const option of this.options) {
          if (option.getName() === name) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText();
            let start = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
          let char = content.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length;
          let value = content.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName2 = this.getRangeContent(this.getImageNameRange());
        if (imageName2 === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName2.length; i++) {
          const ch = imageName2.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name = name + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name = name + ch;
                escaped = false;
              }
              break;
          }
        }
        return name;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content, "@");
          const slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content, ":");
          const dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports.From = From;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables.length; i++) {
              if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                variables.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
          return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path : parent + "/" + path;
            }
          }
        }
        return void 0;
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args.push(instruction);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies.push(instruction);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args.push(instruction);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName2 = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName2 === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName2) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction = instruction + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name = util_1.Util.parseHeredocName(value);
            if (name !== null) {
              heredocs.push(name);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
            case this.escapeChar:
              const next = this.buffer.charAt(i + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i++;
              } else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser();
    var flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse2(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
      }
      DockerfileParser3.parse = parse2;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// src/detect/builder.ts
function chooseBuilder({ files, projectToml, input }) {
  const matches = languageMatches(files);
  const first = matches[0];
  const language = first?.language;
  if (input !== void 0 && input.trim() !== "") {
    return { builder: input.trim(), reason: `input buildpack-builder \u2192 ${input.trim()}`, language };
  }
  if (projectToml?.builder) {
    return { builder: projectToml.builder, reason: `project.toml [io.buildpacks] builder \u2192 ${projectToml.builder}`, language };
  }
  if (first === void 0) {
    const unsupported = unsupportedLanguage(files);
    if (unsupported) {
      return { builder: DEFAULT_BUILDER, reason: `${unsupported.file} \u2192 ${unsupported.language}, which ${DEFAULT_BUILDER} does not carry (project.toml must add its buildpack)` };
    }
    return {
      builder: DEFAULT_BUILDER,
      reason: `no language file (package.json, go.mod, pom.xml, requirements.txt, Gemfile, \u2026) \u2192 default ${DEFAULT_BUILDER}`
    };
  }
  let reason = `${first.file} \u2192 ${first.label} \u2192 ${first.builder}`;
  if (first.note) reason += ` (${first.note})`;
  const beaten = matches.slice(1).filter((m) => m.builder === first.builder);
  if (beaten.length > 0) {
    reason += ` (${first.label} is detected before ${beaten.map((m) => `${m.label} (${m.file})`).join(", ")})`;
  }
  return { builder: first.builder, reason, language };
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table2, meta, type) {
  let t = table2;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/detect/project-toml.ts
var ProjectDescriptorError = class extends Error {
  constructor(file, detail) {
    super(`${file}: ${detail}`);
    this.name = "ProjectDescriptorError";
  }
};
function isTable(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function table(parent, key, file, path) {
  const v = parent[key];
  if (v === void 0) return void 0;
  if (!isTable(v)) throw new ProjectDescriptorError(file, `${path} must be a table, got ${JSON.stringify(v)}`);
  return v;
}
function optionalString(t, key, file, path) {
  const v = t[key];
  if (v === void 0) return void 0;
  if (typeof v !== "string") throw new ProjectDescriptorError(file, `${path}.${key} must be a string, got ${JSON.stringify(v)}`);
  const trimmed = v.trim();
  return trimmed === "" ? void 0 : trimmed;
}
function stringList(t, key, file, path) {
  const v = t[key];
  if (v === void 0) return void 0;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    throw new ProjectDescriptorError(file, `${path}.${key} must be a list of strings, got ${JSON.stringify(v)}`);
  }
  return v;
}
function envList(t, file, path) {
  const v = t?.["env"];
  if (v === void 0) return [];
  if (!Array.isArray(v)) throw new ProjectDescriptorError(file, `${path}.env must be an array of tables ([[${path}.env]])`);
  return v.map((entry, i) => {
    const where = `${path}.env[${i}]`;
    if (!isTable(entry)) throw new ProjectDescriptorError(file, `${where} must be a table with name and value`);
    const { name, value } = entry;
    if (typeof name !== "string" || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
      throw new ProjectDescriptorError(file, `${where}.name must be a variable name, got ${JSON.stringify(name)}`);
    }
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new ProjectDescriptorError(file, `${where}.value must be a string, got ${JSON.stringify(value)}`);
    }
    return { name, value: String(value) };
  });
}
function parseProjectDescriptor(text, file = "project.toml") {
  let doc;
  try {
    doc = parse(text);
  } catch (err) {
    const detail = err instanceof TomlError ? err.message.split("\n")[0] : String(err);
    throw new ProjectDescriptorError(file, `is not valid TOML: ${detail}`);
  }
  const underscore = table(doc, "_", file, "[_]");
  const schemaVersion = underscore ? optionalString(underscore, "schema-version", file, "_") : void 0;
  const io = table(doc, "io", file, "[io]");
  const cnb = io ? table(io, "buildpacks", file, "[io.buildpacks]") : void 0;
  if (cnb !== void 0 || schemaVersion === "0.2") {
    const c = cnb ?? {};
    return {
      schemaVersion: schemaVersion ?? "0.2",
      builder: optionalString(c, "builder", file, "io.buildpacks"),
      env: envList(table(c, "build", file, "[io.buildpacks.build]"), file, "io.buildpacks.build"),
      include: stringList(c, "include", file, "io.buildpacks"),
      exclude: stringList(c, "exclude", file, "io.buildpacks")
    };
  }
  const build = table(doc, "build", file, "[build]");
  if (build !== void 0) {
    return {
      schemaVersion: schemaVersion ?? "0.1",
      builder: optionalString(build, "builder", file, "build"),
      env: envList(build, file, "build"),
      include: stringList(build, "include", file, "build"),
      exclude: stringList(build, "exclude", file, "build")
    };
  }
  return { schemaVersion, env: [] };
}
function mergeBuildEnv(descriptorEnv, inputEnv) {
  const merged = /* @__PURE__ */ new Map();
  for (const { name, value } of descriptorEnv) merged.set(name, value);
  for (const entry of inputEnv) {
    const eq = entry.indexOf("=");
    const name = eq < 0 ? entry : entry.slice(0, eq);
    merged.delete(name);
    merged.set(name, eq < 0 ? "" : entry.slice(eq + 1));
  }
  return [...merged].map(([k, v]) => `${k}=${v}`);
}

// src/build/tags.ts
var TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
function sanitizeTag(name) {
  return name.replace(/[^a-zA-Z0-9._-]+/g, "-").replace(/^[.-]+/, "").slice(0, 128);
}
var SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function semverTags(tag) {
  const m = SEMVER.exec(tag);
  if (!m) return void 0;
  const [, major, minor, patch, pre] = m;
  if (pre !== void 0) return { names: [`${major}.${minor}.${patch}-${pre}`], stable: false };
  return { names: [`${major}.${minor}.${patch}`, `${major}.${minor}`, major], stable: true };
}
function defaultTagNames(github, tagLatest = "auto") {
  const names = [];
  let latest = false;
  if (github.pullRequest) {
    names.push(`pr-${github.pullRequest.number}`);
  } else if (github.ref.startsWith("refs/heads/")) {
    const branch = github.ref.slice("refs/heads/".length);
    names.push(sanitizeTag(branch));
    latest = github.defaultBranch !== void 0 && branch === github.defaultBranch;
  } else if (github.ref.startsWith("refs/tags/")) {
    const tag = github.ref.slice("refs/tags/".length);
    const semver = semverTags(tag);
    names.push(...semver?.names ?? [sanitizeTag(tag)]);
    latest = semver?.stable === true;
  }
  if (tagLatest === "true" || tagLatest === "auto" && latest) names.push("latest");
  const sha = github.pullRequest?.headSha ?? github.sha;
  if (sha) names.push(`sha-${sha.slice(0, 7)}`);
  return names.filter((n) => n.length > 0);
}
function baseBranchTag(image, github) {
  return github.pullRequest ? `${image}:${sanitizeTag(github.pullRequest.baseRef)}` : void 0;
}
function resolveTags(image, entries, github, tagLatest = "auto") {
  const names = entries.length > 0 ? entries : defaultTagNames(github, tagLatest);
  const refs = [];
  for (const entry of names) {
    if (entry.includes(":") || entry.includes("/")) {
      refs.push(entry);
      continue;
    }
    if (!TAG.test(entry)) {
      throw new InputError(
        "tags",
        entry,
        "a tag may hold letters, digits, _ . and -, must not start with . or -, and is at most 128 characters."
      );
    }
    refs.push(`${image}:${entry}`);
  }
  if (refs.length === 0) {
    refs.push(`${image}:latest`);
  }
  return [...new Set(refs)];
}

// src/build/pack-args.ts
var BINDING_ROOT = "/platform/bindings";
var PackPlanError = class extends Error {
  constructor(field, value, detail) {
    super(`pack build ${field} ${JSON.stringify(value)}: ${detail}`);
    this.name = "PackPlanError";
  }
};
function packBuildArgs(plan) {
  if (plan.image.trim() === "") throw new PackPlanError("image", plan.image, "an image reference is required.");
  if (plan.cacheDir !== void 0 && /[;"]/.test(plan.cacheDir)) {
    throw new PackPlanError("cache directory", plan.cacheDir, `must not contain ";" or '"' (pack parses --cache as ;-separated CSV).`);
  }
  for (const entry of plan.env) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*=/.test(entry)) {
      throw new PackPlanError("env", entry, "each entry must be KEY=VALUE.");
    }
  }
  if (plan.cacheImage !== void 0 && !plan.publish) {
    throw new PackPlanError("cache image", plan.cacheImage, "pack writes a cache image only when it publishes (--publish): push the image too.");
  }
  if (plan.bindingsDir !== void 0 && /:/.test(plan.bindingsDir)) {
    throw new PackPlanError("bindings directory", plan.bindingsDir, 'must not contain ":" (pack parses --volume as host:target[:mode]).');
  }
  const argv = ["build", plan.image, "--builder", plan.builder, "--path", plan.path, "--trust-builder"];
  if (plan.cacheDir !== void 0) argv.push("--cache", `type=build;format=bind;source=${plan.cacheDir}`);
  argv.push("--pull-policy", plan.pullPolicy);
  if (plan.publish) argv.push("--publish");
  for (const tag of plan.extraTags) if (tag !== plan.image) argv.push("--tag", tag);
  if (plan.cacheImage !== void 0) argv.push("--cache-image", plan.cacheImage);
  for (const bp of plan.buildpacks ?? []) argv.push("--buildpack", bp);
  if (plan.envFile !== void 0) argv.push("--env-file", plan.envFile);
  for (const entry of plan.env) argv.push("--env", entry);
  if (plan.bindingsDir !== void 0) argv.push("--env", `SERVICE_BINDING_ROOT=${BINDING_ROOT}`, "--volume", `${plan.bindingsDir}:${BINDING_ROOT}:ro`);
  for (const v of plan.volumes ?? []) argv.push("--volume", v);
  if (plan.network !== void 0) argv.push("--network", plan.network);
  if (plan.runImage !== void 0) argv.push("--run-image", plan.runImage);
  if (plan.defaultProcess !== void 0) argv.push("--default-process", plan.defaultProcess);
  if (plan.creationTime !== void 0) argv.push("--creation-time", plan.creationTime);
  if (plan.sbomOutputDir !== void 0) argv.push("--sbom-output-dir", plan.sbomOutputDir);
  argv.push("--report-output-dir", plan.reportDir);
  if (plan.descriptor !== void 0) argv.push("--descriptor", plan.descriptor);
  if (plan.previousImage !== void 0 && plan.previousImage !== plan.image) argv.push("--previous-image", plan.previousImage);
  return argv;
}

// src/build/lifecycle-log.ts
var LIFECYCLE_LAYER = /^buildpacksio\/lifecycle:/;
function parseLifecycleLog(output) {
  const restored = /* @__PURE__ */ new Set();
  const reused = /* @__PURE__ */ new Set();
  const added = /* @__PURE__ */ new Set();
  let previousImageFound = true;
  let analyzed = false;
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").trim();
    let m;
    if (/^===> ANALYZING$/.test(line)) analyzed = true;
    else if (/^(Previous image|Image) with name ".*" not found$/.test(line)) previousImageFound = false;
    else if (m = /^Restoring data for "([^"]+)" from cache$/.exec(line)) restored.add(m[1]);
    else if ((m = /^Reusing layer '([^']+)'$/.exec(line)) && !LIFECYCLE_LAYER.test(m[1])) reused.add(m[1]);
    else if ((m = /^Adding layer '([^']+)'$/.exec(line)) && !LIFECYCLE_LAYER.test(m[1])) added.add(m[1]);
  }
  return {
    restoredFromCache: [...restored],
    reused: [...reused],
    added: [...added],
    previousImageFound: analyzed && previousImageFound
  };
}
function describeLayerReuse(reuse, previousImage) {
  const total = reuse.reused.length + reuse.added.length;
  const list = (names) => names.map((n) => `\`${n.replaceAll("`", "'")}\``).join(", ");
  const parts = [`${reuse.reused.length} of ${total} buildpack layer${total === 1 ? "" : "s"} reused${reuse.reused.length ? ` (${list(reuse.reused)})` : ""}`];
  if (reuse.added.length) parts.push(`rebuilt: ${list(reuse.added)}`);
  parts.push(reuse.restoredFromCache.length ? `restored from the layer cache: ${list(reuse.restoredFromCache)}` : "nothing restored from the layer cache");
  parts.push(previousImage && reuse.previousImageFound ? `previous image ${previousImage}` : "no previous image");
  return parts.join("; ");
}

// src/build/pack.ts
var PackBuildError = class extends Error {
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
    this.name = "PackBuildError";
  }
  exitCode;
};
var NOISE = [/^\s*$/, /^={3}> [A-Z]+$/, /^\s*#\d+ /, /^Pulling image /, /^Warning: /i];
var ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
function packFailureSummary(output, max = 8) {
  const lines = output.replace(ANSI, "").split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => !NOISE.some((re) => re.test(l)));
  const tail = lines.slice(-max);
  const errors = lines.filter((l) => /^ERROR:/.test(l) && !tail.includes(l));
  return [...errors, ...tail].join("\n");
}
function parsePackReport(text) {
  const raw = parse(text);
  const image = raw["image"] ?? {};
  const str = (v) => typeof v === "string" && v !== "" ? v : void 0;
  return {
    tags: Array.isArray(image["tags"]) ? image["tags"].filter((t) => typeof t === "string") : [],
    digest: str(image["digest"]),
    imageId: str(image["image-id"]),
    raw
  };
}
async function imageLabels(deps, ref, published) {
  if (!published) {
    const image = await deps.engine.image(ref).catch(() => void 0);
    return image ? { ...image.Config?.Labels ?? {} } : void 0;
  }
  const r = await deps.exec.run("docker", ["buildx", "imagetools", "inspect", ref, "--format", "{{json .Image.Config.Labels}}"]);
  if (r.exitCode !== 0) return void 0;
  try {
    return JSON.parse(r.stdout) ?? {};
  } catch {
    return void 0;
  }
}
async function repoDigest(engine, ref) {
  const digests = (await engine.image(ref).catch(() => void 0))?.RepoDigests ?? [];
  const repo = repositoryOf(ref);
  return digestOf(digests.find((d) => d.startsWith(`${repo}@`)) ?? digests[0]);
}
async function runPackBuild(plan, deps) {
  const { exec, logger } = deps;
  const argv = packBuildArgs(plan);
  await mkdir(plan.reportDir, { recursive: true });
  logger.info(`pack ${argv.map((a) => /[\s;"']/.test(a) ? JSON.stringify(a) : a).join(" ")}`);
  const r = await exec.run("pack", argv, { stream: true, env: deps.env, onSpawn: deps.onBuildStarted });
  if (r.exitCode !== 0) {
    const summary = packFailureSummary(`${r.stdout}
${r.stderr}`);
    throw new PackBuildError(`pack build failed (exit ${r.exitCode}):
${summary || "(pack printed nothing)"}`, r.exitCode);
  }
  const reportPath = join(plan.reportDir, "report.toml");
  let report;
  try {
    report = parsePackReport(await readFile(reportPath, "utf8"));
  } catch (err) {
    throw new PackBuildError(`pack build succeeded but its report ${reportPath} could not be read: ${err.message}`, 0);
  }
  const tags = report.tags.length > 0 ? report.tags : [plan.image, ...plan.extraTags];
  const labelRef = plan.publish && report.digest ? `${plan.image.replace(/:[^/:]*$/, "")}@${report.digest}` : plan.image;
  const labels = await imageLabels(deps, labelRef, plan.publish);
  if (labels === void 0) logger.warning(`Could not read the labels of ${labelRef}; the run image digest is unknown.`);
  const run = runImageFromLabel(labels?.[LIFECYCLE_METADATA_LABEL]);
  const baseImages = [];
  const runRef = plan.runImage ?? run.image;
  if (runRef !== void 0) {
    const digest = digestOf(run.reference) ?? (plan.publish ? void 0 : await repoDigest(deps.engine, runRef));
    baseImages.push({ reference: runRef, stage: "run-image", runtime: true, digest });
  }
  return {
    mode: "buildpack",
    tags,
    digest: report.digest,
    imageId: report.imageId,
    pushed: plan.publish,
    // report.toml as JSON, plus the label's runImage (topLayer is what a rebase keys on).
    metadata: { ...report.raw, ...run.image || run.reference || run.topLayer ? { runImage: run } : {} },
    baseImages,
    builder: plan.builder,
    layerReuse: { ...parseLifecycleLog(r.stdout), ...plan.previousImage ? { previousImage: plan.previousImage } : {} }
  };
}

// src/build/service-bindings.ts
function bindingFiles(secrets) {
  const files = [];
  const types = /* @__PURE__ */ new Set();
  for (const s of secrets) {
    const [type, key = type] = s.id.split("/");
    if (!types.has(type)) {
      types.add(type);
      files.push({ path: `${type}/type`, content: type });
    }
    if (key === "type") throw new Error(`Secret id ${JSON.stringify(s.id)}: "type" is the binding's type file, not a key; name the key otherwise.`);
    files.push({ path: `${type}/${key}`, content: s.content });
  }
  return files;
}
async function secretContents(secrets, env) {
  return Promise.all(
    secrets.map(async (s) => {
      if ("value" in s) return { id: s.id, content: s.value };
      if ("path" in s) {
        try {
          return { id: s.id, content: await readFile(s.path) };
        } catch (e) {
          throw new Error(`Input "secret-files": secret ${JSON.stringify(s.id)} names ${JSON.stringify(s.path)}, which cannot be read (${e.code ?? "error"}). Give a path relative to the workspace.`, { cause: e });
        }
      }
      const value = env[s.env];
      if (value === void 0) throw new Error(`Input "secret-envs": secret ${JSON.stringify(s.id)} names the environment variable ${s.env}, which is not set in this step.`);
      return { id: s.id, content: value };
    })
  );
}
async function writeBindings(tempDir, files) {
  const parent = await mkdtemp(join(tempDir, "strata-bindings-"));
  await chmod(parent, 448);
  const root = join(parent, "bindings");
  const remove = () => rm(parent, { recursive: true, force: true });
  try {
    await mkdir(root, { mode: 493 });
    for (const f of files) {
      const dir = join(root, f.path.split("/")[0]);
      await mkdir(dir, { recursive: true, mode: 493 });
      await writeFile(join(root, f.path), f.content, { mode: 420 });
    }
  } catch (e) {
    await remove();
    throw e;
  }
  return { root, remove };
}

// src/build/pack-install.ts
var DEFAULT_PACK_VERSION = "0.40.6";
var PackInstallError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "PackInstallError";
  }
};
function packPlatform(arch, os = "linux") {
  if (os !== "linux") throw new PackInstallError(`pack releases are installed on Linux runners only; this runner is ${os}/${arch}.`);
  if (arch === "x64") return "linux";
  if (arch === "arm64") return "linux-arm64";
  throw new PackInstallError(`pack has no Linux release for the ${arch} architecture (only x64 and arm64).`);
}
function packAssetName(version, arch, os = "linux") {
  return `pack-v${version}-${packPlatform(arch, os)}.tgz`;
}
function packDownloadUrl(version, arch, os = "linux") {
  return `https://github.com/buildpacks/pack/releases/download/v${version}/${packAssetName(version, arch, os)}`;
}
function parseChecksumFile(text, assetName) {
  const line = text.split("\n").map((l) => l.trim()).find((l) => l !== "");
  const m = line === void 0 ? null : /^([0-9a-fA-F]{64})(?:\s+\*?(\S+))?$/.exec(line);
  if (!m) {
    throw new PackInstallError(`The checksum file for ${assetName} is not a SHA-256 checksum: ${JSON.stringify(text.slice(0, 120))}`);
  }
  if (m[2] !== void 0 && m[2] !== assetName) {
    throw new PackInstallError(`The checksum file for ${assetName} names another file: ${JSON.stringify(m[2])}`);
  }
  return m[1].toLowerCase();
}
function packVersionMatches(versionOutput, wanted) {
  const printed = versionOutput.trim().split(/\s+/)[0]?.replace(/^v/, "") ?? "";
  return printed === wanted || printed.startsWith(`${wanted}+`);
}
var PACK_DOWNLOAD_TIMEOUT_MS = 5 * 6e4;
function bounded(download, ms) {
  let timer;
  const limit = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1e3)} s (the download was given up)`)), ms);
    timer.unref();
  });
  return Promise.race([download, limit]).finally(() => clearTimeout(timer));
}
async function sha256File(path) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest("hex");
}
function httpStatus(err) {
  const code = err?.httpStatusCode;
  return typeof code === "number" ? code : void 0;
}
async function ensurePack(requested, deps) {
  const version = requested ?? DEFAULT_PACK_VERSION;
  const { exec, toolCache, logger } = deps;
  const what = requested === void 0 ? `pack ${version} (Strata's default)` : `pack ${version} (input "pack-version")`;
  const onPath = await exec.run("pack", ["--version"]);
  if (onPath.exitCode === 0 && packVersionMatches(onPath.stdout, version)) {
    logger.info(`Using pack ${onPath.stdout.trim()} from PATH`);
    return { version, source: "path" };
  }
  if (onPath.exitCode === 0) logger.info(`pack on PATH is ${onPath.stdout.trim()}, not ${version}; installing ${version}`);
  const arch = deps.arch;
  const cached = toolCache.find("pack", version, arch);
  if (cached) {
    logger.info(`Using ${what} from the tool cache: ${cached}`);
    deps.addPath(cached);
    return { version, dir: cached, source: "tool-cache" };
  }
  const url = packDownloadUrl(version, arch, deps.os);
  const asset = packAssetName(version, arch, deps.os);
  logger.info(`Downloading ${what} from ${url}`);
  let archive;
  try {
    archive = await bounded(toolCache.downloadTool(url), deps.downloadTimeoutMs ?? PACK_DOWNLOAD_TIMEOUT_MS);
  } catch (err) {
    const status = httpStatus(err);
    const hint = status === 404 && requested !== void 0 ? ` Input "pack-version" is ${JSON.stringify(requested)}: is that a pack release?` : "";
    throw new PackInstallError(`Could not download ${what} from ${url}: ${status ? `HTTP ${status}` : err.message}.${hint}`);
  }
  let checksumFile;
  try {
    checksumFile = await bounded(toolCache.downloadTool(`${url}.sha256`), deps.downloadTimeoutMs ?? PACK_DOWNLOAD_TIMEOUT_MS);
  } catch (err) {
    const status = httpStatus(err);
    throw new PackInstallError(
      `Could not fetch the checksum ${url}.sha256 (${status ? `HTTP ${status}` : err.message}); refusing to run a pack binary that can't be verified.`
    );
  }
  const expected = parseChecksumFile(await readFile(checksumFile, "utf8"), asset);
  const actual = await sha256File(archive);
  if (actual !== expected) {
    throw new PackInstallError(`Checksum mismatch for ${asset}: ${url}.sha256 says ${expected}, the download is ${actual}. Not installing it.`);
  }
  const extracted = await toolCache.extractTar(archive);
  const dir = await toolCache.cacheDir(extracted, "pack", version, arch);
  const check = await exec.run(join(dir, "pack"), ["--version"]);
  if (check.exitCode !== 0 || !packVersionMatches(check.stdout, version)) {
    throw new PackInstallError(`The pack from ${url} doesn't report version ${version}: ${JSON.stringify((check.stdout + check.stderr).trim())}`);
  }
  deps.addPath(dir);
  logger.info(`Installed pack ${check.stdout.trim()} into the tool cache: ${dir}`);
  return { version, dir, source: "download" };
}

// src/build/buildpack-mode.ts
async function planBuildpack(files, inputs, contextFiles) {
  const descriptorPath = inputs.descriptor ?? (contextFiles.includes("project.toml") ? join(inputs.context, "project.toml") : void 0);
  let descriptor;
  if (descriptorPath) {
    const text = await files.read(descriptorPath);
    if (text === void 0) {
      throw new Error(`Input "descriptor" names ${JSON.stringify(descriptorPath)}, which cannot be read. Give a path relative to the workspace, or leave it empty to use project.toml in the context.`);
    }
    descriptor = parseProjectDescriptor(text, descriptorPath);
  }
  const choice = chooseBuilder({ files: contextFiles, projectToml: descriptor, input: inputs.buildpackBuilder });
  return { choice, descriptor, descriptorPath, env: mergeBuildEnv(descriptor?.env ?? [], inputs.buildpackEnv) };
}
function previousImageCandidates(tags, image, github) {
  const candidates = [tags[0], baseBranchTag(image, github), github.defaultBranch ? `${image}:${sanitizeTag(github.defaultBranch)}` : void 0];
  return [...new Set(candidates.filter((c) => c !== void 0))];
}
function lifecycleNetwork(references) {
  const loopback = references.some((ref) => {
    if (!ref) return false;
    try {
      return isLoopbackRegistry(parseReference(ref).registry);
    } catch {
      return false;
    }
  });
  return loopback ? "host" : void 0;
}
async function findPreviousImage(deps, candidates, publish2) {
  if (!deps.imageExists) return void 0;
  for (const candidate of candidates) {
    let exists;
    try {
      exists = await deps.imageExists(candidate);
    } catch (e) {
      deps.logger.info(`Previous image ${candidate} not checked (${e instanceof Error ? e.message : String(e)}): its launch layers cannot be reused from it.`);
      exists = false;
    }
    if (!exists) continue;
    if (!publish2) {
      const pulled = await deps.exec.run("docker", ["pull", "--quiet", candidate]);
      if (pulled.exitCode !== 0) {
        deps.logger.warning(`Could not pull the previous image ${candidate} (${pulled.stderr.trim().split("\n").at(-1)}); launch layers are rebuilt.`);
        return void 0;
      }
    }
    return candidate;
  }
  return void 0;
}
async function buildWithBuildpacks(deps, req) {
  const { inputs } = req;
  const previousImage = await findPreviousImage(deps, previousImageCandidates(req.tags, inputs.image, req.github), inputs.push);
  deps.logger.info(previousImage ? `Previous image: ${previousImage} (its launch layers can be reused)` : "Previous image: none found (launch layers are built anew)");
  const pack = await ensurePack(inputs.packVersion, {
    exec: deps.exec,
    toolCache: await deps.toolCache(),
    logger: deps.logger,
    addPath: deps.addPath,
    arch: process.arch,
    os: process.platform
  });
  deps.logger.info(`pack ${pack.version} (${pack.source === "path" ? "from PATH" : pack.source === "tool-cache" ? "from the tool cache" : "downloaded and verified"})`);
  const bindings = inputs.secrets.length > 0 ? await writeBindings(req.tempDir, bindingFiles(await secretContents(inputs.secrets, deps.env ?? process.env))) : void 0;
  if (bindings) deps.logger.info(`Secrets: ${inputs.secrets.length} as service bindings under SERVICE_BINDING_ROOT (read-only)`);
  try {
    return await runPackBuild(packPlan(inputs, { ...req, previousImage }, bindings?.root), { exec: deps.exec, engine: deps.engine, logger: deps.logger, onBuildStarted: deps.onBuildStarted });
  } finally {
    await bindings?.remove();
  }
}
function packPlan(inputs, req, bindingsDir) {
  const { planning } = req;
  return {
    image: req.tags[0],
    extraTags: req.tags.slice(1),
    builder: planning.choice.builder,
    path: inputs.context,
    cacheDir: req.cacheDir,
    pullPolicy: inputs.pull ? "always" : "if-not-present",
    publish: inputs.push,
    env: planning.env,
    runImage: inputs.runImage,
    reportDir: join(req.tempDir, "pack-report"),
    descriptor: planning.descriptorPath,
    ...inputs.buildpacks.length > 0 ? { buildpacks: inputs.buildpacks } : {},
    ...inputs.buildpackEnvFile !== void 0 ? { envFile: inputs.buildpackEnvFile } : {},
    ...(inputs.network ?? lifecycleNetwork([req.tags[0], planning.choice.builder, inputs.runImage])) !== void 0 ? { network: inputs.network ?? lifecycleNetwork([req.tags[0], planning.choice.builder, inputs.runImage]) } : {},
    ...req.previousImage !== void 0 ? { previousImage: req.previousImage } : {},
    ...inputs.volumes.length > 0 ? { volumes: inputs.volumes } : {},
    ...inputs.defaultProcess !== void 0 ? { defaultProcess: inputs.defaultProcess } : {},
    // The commit's time unless the user chose one. Without a commit time pack's own default
    // stays: a fixed 1980 date, reproducible where the clock is not.
    ...inputs.creationTime !== void 0 ? { creationTime: inputs.creationTime } : req.created && req.created.from !== "clock" ? { creationTime: String(req.created.epoch) } : {},
    ...inputs.sbomOutputDir !== void 0 ? { sbomOutputDir: inputs.sbomOutputDir } : {},
    ...inputs.cacheImage !== void 0 ? { cacheImage: inputs.cacheImage } : {},
    ...bindingsDir !== void 0 ? { bindingsDir } : {}
  };
}

// src/build/buildkit-cache.ts
function canExportCache(builder) {
  if (!builder.buildxVersion) return false;
  return builder.driver !== "docker" || builder.containerdStore;
}
function versionAtLeast(version, minimum) {
  const a = version.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  const b = minimum.split(".").map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < b.length; i++) {
    if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
  }
  return true;
}
function ghaScope(image, platforms) {
  const sorted = [...platforms].sort();
  const base = image.replace(/[^a-zA-Z0-9._-]+/g, "-");
  const plat = sorted.length > 0 ? `-${sorted.join("+").replace(/[^a-zA-Z0-9.+_-]+/g, "-")}` : "";
  const hash = createHash("sha256").update(`${image}\0${sorted.join(",")}`).digest("hex").slice(0, 8);
  return `strata-${base}${plat}-${hash}`;
}
function planBuildkitCache(req, builder, run) {
  if (req.cacheFrom.length > 0 || req.cacheTo.length > 0) {
    return { kind: "user", cacheFrom: [...req.cacheFrom], cacheTo: [...req.cacheTo] };
  }
  if (!req.cache) return { kind: "none", note: 'BuildKit cache export is off (input "cache" is false).' };
  if (!canExportCache(builder)) {
    const why = !builder.buildxVersion ? "buildx is not installed, and the classic builder cannot export caches" : `the buildx builder uses the "${builder.driver}" driver without the containerd image store, which cannot export caches`;
    return {
      kind: "none",
      note: `Building without cache export: ${why}. To enable it, add docker/setup-buildx-action before Strata (docker-container driver) or turn on Docker's containerd image store.`
    };
  }
  if (!run.actionsCacheAvailable) {
    return { kind: "none", note: "Building without cache export: this run has no GitHub Actions cache service (outside Actions, BuildKit keeps its own local cache)." };
  }
  const ghaUsable = !run.cacheServiceV2 || versionAtLeast(builder.buildxVersion, "0.21.0");
  if (req.backend === "actions" || !ghaUsable) {
    const why = req.backend === "actions" ? 'cache-backend is "actions"' : `buildx ${builder.buildxVersion} cannot speak the Actions cache service v2 (needs buildx >= 0.21)`;
    return { kind: "local", note: `BuildKit cache: local directory persisted through the Actions cache (${why}).` };
  }
  const scope = ghaScope(req.image, req.platforms);
  return {
    kind: "gha",
    scope,
    // ignore-error: an Actions cache outage must cost a cold build, never a failed one.
    cacheFrom: [`type=gha,scope=${scope}`],
    cacheTo: [`type=gha,scope=${scope},mode=max,ignore-error=true`],
    note: `BuildKit cache: BuildKit's gha backend restores and saves it through the GitHub Actions cache itself, during the build (scope ${scope}).`,
    // The post step saves caches Strata carries; this one BuildKit saved already.
    postNote: `Nothing to save in the post step: BuildKit's gha backend saved the cache during the build (scope ${scope}).`
  };
}

// src/build/buildx-options.ts
function secretsForBuild(secrets) {
  const env = {};
  const flags = secrets.map((s, i) => {
    if ("value" in s) {
      const name = `STRATA_SECRET_${i}`;
      env[name] = s.value;
      return { id: s.id, env: name };
    }
    return "path" in s ? { id: s.id, src: s.path } : { id: s.id, env: s.env };
  });
  return { secrets: flags, env };
}
function buildxOptionsOf(inputs, secrets, extraAnnotations = []) {
  return {
    secrets,
    ssh: inputs.ssh,
    buildContexts: inputs.buildContexts,
    annotations: [...extraAnnotations.filter((a) => !userHas(inputs.annotations, a)), ...inputs.annotations],
    provenance: inputs.provenance ?? (inputs.attests.some((a) => a.startsWith("type=provenance")) ? void 0 : "false"),
    sbom: inputs.sbom,
    attests: inputs.attests,
    pull: inputs.pull,
    network: inputs.network,
    addHosts: inputs.addHosts,
    shmSize: inputs.shmSize,
    ulimits: inputs.ulimits,
    noCacheFilters: inputs.noCacheFilters,
    allow: inputs.allow,
    outputs: inputs.outputs
  };
}
function userHas(user, ours) {
  const key = (a) => a.slice(0, a.indexOf("="));
  return user.some((u) => key(u) === key(ours));
}
function buildxOptionArgs(o) {
  const args = [];
  for (const s of o.secrets) args.push("--secret", "src" in s ? `id=${s.id},src=${s.src}` : `id=${s.id},env=${s.env}`);
  for (const s of o.ssh) args.push("--ssh", s);
  if (o.pull) args.push("--pull");
  if (o.network) args.push("--network", o.network);
  for (const h of o.addHosts) args.push("--add-host", h.replace(/=/, ":"));
  if (o.shmSize) args.push("--shm-size", o.shmSize);
  for (const u of o.ulimits) args.push("--ulimit", u);
  for (const c of o.buildContexts) args.push("--build-context", c);
  for (const a of o.annotations) args.push("--annotation", a);
  if (o.provenance !== void 0) args.push(`--provenance=${o.provenance}`);
  if (o.sbom !== void 0) args.push(`--sbom=${o.sbom}`);
  for (const a of o.attests) args.push("--attest", a);
  for (const f of o.noCacheFilters) args.push("--no-cache-filter", f);
  for (const a of o.allow) args.push("--allow", a);
  for (const out of o.outputs) args.push("--output", out);
  return args;
}

// src/build/dockerfile-args.ts
function buildxArgs(plan) {
  const args = ["buildx", "build"];
  if (plan.builder) args.push("--builder", plan.builder);
  args.push("--file", plan.dockerfile);
  for (const tag of plan.tags) args.push("--tag", tag);
  if (plan.platforms.length > 0) args.push("--platform", plan.platforms.join(","));
  if (plan.target) args.push("--target", plan.target);
  for (const arg of plan.buildArgs) args.push("--build-arg", arg);
  for (const label2 of plan.labels) args.push("--label", label2);
  for (const from of plan.cacheFrom) args.push("--cache-from", from);
  for (const to of plan.cacheTo) args.push("--cache-to", to);
  if (plan.noCache) args.push("--no-cache");
  if (plan.options) args.push(...buildxOptionArgs(plan.options));
  if (plan.push) args.push("--push");
  if (plan.load) args.push("--load");
  args.push("--metadata-file", plan.metadataFile, "--iidfile", plan.iidFile);
  args.push(plan.context);
  return args;
}
function ociLabels(opts, userLabels) {
  const ours = [];
  const info = opts.repositoryInfo;
  const url = info?.htmlUrl ?? (opts.repository ? `${opts.serverUrl.replace(/\/+$/, "")}/${opts.repository}` : void 0);
  const title = info?.name ?? opts.repository.split("/")[1];
  if (title) ours.push(["org.opencontainers.image.title", title]);
  if (info?.description) ours.push(["org.opencontainers.image.description", info.description]);
  if (url) ours.push(["org.opencontainers.image.url", url], ["org.opencontainers.image.source", url]);
  if (opts.version) ours.push(["org.opencontainers.image.version", opts.version]);
  if (info?.license) ours.push(["org.opencontainers.image.licenses", info.license]);
  if (opts.revision) ours.push(["org.opencontainers.image.revision", opts.revision]);
  ours.push(["org.opencontainers.image.created", opts.created.toISOString()]);
  if (opts.base?.digest) {
    ours.push(["org.opencontainers.image.base.name", opts.base.name.split("@")[0]]);
    ours.push(["org.opencontainers.image.base.digest", opts.base.digest]);
  }
  const userKeys = new Set(userLabels.map((l) => l.slice(0, l.indexOf("="))));
  return [...ours.filter(([k]) => !userKeys.has(k)).map(([k, v]) => `${k}=${v}`), ...userLabels];
}

// src/build/progress.ts
var BUILD_WATCH_BOUNDS = { importStallMs: 6e4, exportStallMs: 12e4 };
function newBuildProgress() {
  return { vertices: /* @__PURE__ */ new Map() };
}
var IMAGE_EXPORT = /^exporting to (image|docker image format|oci image format|client)/;
var CACHE_EXPORT = /^exporting (cache\b|to GitHub Actions Cache)/;
var CACHE_IMPORT = /^importing cache manifest from /;
function readProgressLine(progress, line, nowMs) {
  const m = /^#(\d+) (.*)$/.exec(line.trimEnd());
  if (!m) return;
  const [, id, rest] = m;
  const vertex = progress.vertices.get(id);
  if (!vertex) {
    progress.vertices.set(id, { name: rest, done: false, lastSeenMs: nowMs });
    return;
  }
  vertex.lastSeenMs = nowMs;
  if (/^(DONE|CACHED|ERROR|CANCELED)\b/.test(rest)) vertex.done = true;
  if (!IMAGE_EXPORT.test(vertex.name)) return;
  const id64 = /^(?:writing image|exporting config) (sha256:[0-9a-f]{64})/.exec(rest);
  if (id64) progress.imageId = id64[1];
  const list = /^exporting manifest list (sha256:[0-9a-f]{64})/.exec(rest);
  if (list) progress.digest = list[1];
  const single = /^exporting manifest (sha256:[0-9a-f]{64})/.exec(rest);
  if (single && !progress.digest) progress.digest = single[1];
  const pushed = /^pushing manifest for \S+@(sha256:[0-9a-f]{64})/.exec(rest);
  if (pushed) progress.digest = pushed[1];
}
function judgeBuild(progress, nowMs, bounds) {
  const vertices = [...progress.vertices.values()];
  for (const v of vertices) {
    if (v.done || !CACHE_IMPORT.test(v.name)) continue;
    if (nowMs - v.lastSeenMs > bounds.importStallMs) return { go: false, hang: "cache-import", vertex: v.name, quietMs: nowMs - v.lastSeenMs };
  }
  const imageDone = vertices.some((v) => v.done && IMAGE_EXPORT.test(v.name));
  if (!imageDone) return { go: true };
  for (const v of vertices) {
    if (v.done || !CACHE_EXPORT.test(v.name)) continue;
    if (nowMs - v.lastSeenMs > bounds.exportStallMs) return { go: false, hang: "cache-export", vertex: v.name, quietMs: nowMs - v.lastSeenMs };
  }
  return { go: true };
}
var RESTORE_STEP = /^importing cache manifest from gha:/;
var SAVE_STEP = /^exporting (?:cache )?to GitHub Actions Cache/i;
function ghaCacheFailures(progress) {
  const names = /* @__PURE__ */ new Map();
  const failures = {};
  for (const line of progress.split("\n")) {
    const m = /^#(\d+) (.*?)\s*$/.exec(line);
    if (!m) continue;
    const [, id, text] = m;
    if (!names.has(id)) {
      names.set(id, text);
      continue;
    }
    const raw = /^ERROR: (.*)$/.exec(text)?.[1];
    if (raw === void 0) continue;
    const error = tidy(raw);
    const name = names.get(id);
    if (RESTORE_STEP.test(name)) failures.restore ??= error;
    else if (SAVE_STEP.test(name)) failures.save ??= error;
  }
  return failures;
}
function tidy(message) {
  const unsigned = message.replace(/(https?:\/\/[^\s?"']+)\?[^\s"']*/g, "$1?<query removed>");
  return unsigned.length > 300 ? `${unsigned.slice(0, 300)}...` : unsigned;
}
function ghaCacheWarning(failures) {
  if (failures.restore === void 0 && failures.save === void 0) return void 0;
  const lines = ["BuildKit's gha cache could not use the GitHub Actions cache service; the image was built without it."];
  if (failures.restore !== void 0) lines.push(`Restoring failed, so this build did not reuse earlier runs: ${failures.restore}`);
  if (failures.save !== void 0) lines.push(`Saving failed, so the next run will not find this build's cache: ${failures.save}`);
  lines.push(`The "ERROR" lines under BuildKit's cache steps in the log above are this, not a build failure.`);
  return lines.join("\n");
}

// src/build/buildx.ts
var BuildError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "BuildError";
  }
};
function parseBuildxVersion(output) {
  return /\bv?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}
function parseBuilderDriver(inspect) {
  return /^Driver:\s*(\S+)/m.exec(inspect)?.[1] ?? "docker";
}
function buildErrorSummary(stderr, max = 12) {
  const lines = stderr.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
  const isError = (l) => /(^|\s)ERROR[: ]|failed to solve|^error:/i.test(l.replace(/^#\d+\s+/, ""));
  const last = lines.findLastIndex(isError);
  if (last < 0) return lines.slice(-max).join("\n") || "the build failed without output";
  const first = lines.findIndex(isError);
  return lines.slice(Math.max(first - 2, last - max + 1, 0), last + 1).join("\n");
}
function usesContainerdStore(driverStatus) {
  return driverStatus.some((pair) => pair.some((v) => v.includes("io.containerd.snapshotter")));
}
async function builderFacts(deps, builder) {
  const { exec, engine } = deps;
  const early = deps.buildxProbes;
  const probes = early && early.builder === builder ? early : startBuildxProbes(exec, builder);
  const [info, version, inspect] = await Promise.all([
    (probes.driverStatus ?? engine.driverStatus()).then(
      (status) => ({ status }),
      (e) => {
        probes.abort.abort();
        return { error: e instanceof Error ? e.message : String(e) };
      }
    ),
    probes.version,
    probes.inspect
  ]);
  if (version.exitCode === 127) {
    throw new BuildError("The docker CLI is not on PATH: Strata builds with Docker (and its buildx plugin). Install Docker on the runner, or use a GitHub-hosted Ubuntu runner.");
  }
  if ("error" in info) {
    throw new BuildError(`Cannot reach the Docker engine: ${info.error}. Start Docker (or set DOCKER_HOST) before Strata runs.`);
  }
  const buildxVersion = version.exitCode === 0 ? parseBuildxVersion(version.stdout) : void 0;
  if (!buildxVersion) {
    throw new BuildError(
      `The docker buildx plugin is missing (\`docker buildx version\`: ${JSON.stringify((version.stderr || version.stdout).trim().slice(0, 200))}). Strata builds Dockerfiles with buildx, and since Docker 23 \`docker build\` needs it too. Install it: the docker-buildx-plugin package, or docker/setup-buildx-action before Strata.`
    );
  }
  if (inspect.exitCode !== 0) {
    throw new BuildError(
      `Input "buildx-builder" names ${JSON.stringify(builder ?? "")}, which buildx cannot use: ${inspect.stderr.trim()}. List builders with "docker buildx ls".`
    );
  }
  return {
    driver: parseBuilderDriver(inspect.stdout),
    buildxVersion,
    containerdStore: usesContainerdStore(info.status)
  };
}
async function readOptional(path) {
  try {
    return (await readFile(path, "utf8")).trim();
  } catch {
    return void 0;
  }
}
async function runDockerBuild(exec, logger, plan, env = {}, options = {}) {
  const first = await watchedBuild(exec, logger, plan, env, options);
  let run = first;
  if (first.hang?.hang === "cache-import") {
    logger.warning(
      `BuildKit's cache import ("${first.hang.vertex}") showed no progress for ${Math.round(first.hang.quietMs / 1e3)} s: the cache service is not answering. The build was stopped and runs again without the cache.`
    );
    const withoutGha = { ...plan, cacheFrom: plan.cacheFrom.filter((c) => !isGha(c)), cacheTo: plan.cacheTo.filter((c) => !isGha(c)) };
    run = await watchedBuild(exec, logger, withoutGha, env, options);
  }
  if (run.hang?.hang === "cache-export") {
    logger.warning(
      `BuildKit's cache export ("${run.hang.vertex}") showed no progress for ${Math.round(run.hang.quietMs / 1e3)} s after the image was exported: the cache service is not answering. The build was stopped there; the image is built${plan.push ? " and pushed" : ""}, its cache is not saved.`
    );
    return { imageId: run.progress.imageId, digest: plan.push ? run.progress.digest : void 0, metadata: {} };
  }
  if (run.hang) throw new BuildError(`BuildKit's cache import hung again without the gha cache: ${run.hang.vertex}`);
  const { result } = run;
  if (result.exitCode !== 0) throw new BuildError(`docker buildx build failed:
${buildErrorSummary(result.stderr || result.stdout)}${engineLost(result.stderr)}`);
  const metadata = JSON.parse(await readOptional(plan.metadataFile) || "{}");
  const imageId = await readOptional(plan.iidFile);
  const digest = plan.push ? metadata["containerimage.digest"] : void 0;
  return { imageId, digest, metadata };
}
function isGha(cacheEntry) {
  return /(^|,)type=gha(,|$)/.test(cacheEntry);
}
function engineLost(stderr) {
  return /error reading from server: EOF|connection reset by peer|Cannot connect to the Docker daemon|transport is closing|rpc error: code = Unavailable|failed to dial gRPC|broken pipe/i.test(stderr) ? "\nThe connection to the Docker engine dropped during the build (did the daemon restart?). Nothing was pushed by this step; re-run the job." : "";
}
async function watchedBuild(exec, logger, plan, env, options) {
  const args = buildxArgs(plan);
  logger.info(`docker ${args.join(" ")}`);
  const progress = newBuildProgress();
  const stop = new AbortController();
  let hang;
  const timer = setInterval(() => {
    const verdict = judgeBuild(progress, Date.now(), options.bounds ?? BUILD_WATCH_BOUNDS);
    if (!verdict.go && !hang) {
      hang = verdict;
      stop.abort();
    }
  }, options.pollMs ?? 1e3);
  timer.unref();
  try {
    const result = await exec.run("docker", args, {
      stream: true,
      // Plain progress, whatever the user's BUILDKIT_PROGRESS says: the watch reads it.
      env: { ...env, BUILDX_METADATA_WARNINGS: "true", BUILDKIT_PROGRESS: "plain" },
      onLine: (line) => readProgressLine(progress, line, Date.now()),
      signal: stop.signal,
      onSpawn: options.onBuildStarted
    });
    return { result, progress, ...hang ? { hang } : {} };
  } finally {
    clearInterval(timer);
  }
}

// src/build/dockerfile-parse.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
function argumentsText(instruction, escape) {
  const raw = instruction.getRawArgumentsContent() ?? "";
  const lines = raw.split(/\r?\n/);
  const kept = lines.filter((line, i) => i === 0 || !/^\s*#/.test(line));
  return kept.map((line, i) => i < kept.length - 1 && line.trimEnd().endsWith(escape) ? line.trimEnd().slice(0, -1) : line).join("");
}
function parseDockerfile(text) {
  const doc = import_dockerfile_ast.DockerfileParser.parse(text);
  const escape = doc.getEscapeCharacter();
  const globalArgs = [];
  const froms = [];
  for (const instruction of doc.getInstructions()) {
    const keyword = instruction.getKeyword();
    const words = argumentsText(instruction, escape);
    if (keyword === "ARG" && froms.length === 0) {
      for (const word of splitWords(words, escape)) {
        const eq = word.indexOf("=");
        globalArgs.push(eq < 0 ? { name: word } : { name: word.slice(0, eq), value: word.slice(eq + 1) });
      }
    } else if (keyword === "FROM") {
      const parts = words.trim().split(/\s+/).filter(Boolean);
      const platformFlag = instruction.getPlatformFlag()?.getValue() ?? void 0;
      const name = parts.length === 3 && parts[1].toLowerCase() === "as" ? parts[2].toLowerCase() : void 0;
      froms.push({ index: froms.length, line: instruction.getRange().start.line + 1, base: parts[0] ?? "", name, platformFlag, uses: [] });
    } else if (froms.length > 0 && (keyword === "COPY" || keyword === "ADD" || keyword === "RUN")) {
      const uses = froms[froms.length - 1].uses;
      for (const flag of instruction.getFlags?.() ?? []) {
        if (flag.getName() === "from" && flag.getValue()) uses.push(flag.getValue());
        if (flag.getName() === "mount") {
          const from = flag.getOptions().find((o) => o.getName() === "from")?.getValue();
          if (from) uses.push(from);
        }
      }
    }
  }
  return { escape, globalArgs, froms };
}
function splitWords(rest, escape = "\\") {
  const words = [];
  let word = "";
  let inWord = false;
  let quote;
  let blankOk = false;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (!inWord) {
      if (/\s/.test(ch)) continue;
      inWord = true;
    }
    if (quote === void 0) {
      if (/\s/.test(ch)) {
        if (blankOk || word !== "") words.push(word);
        word = "";
        blankOk = false;
        inWord = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
      }
      if (ch === escape) {
        if (i + 1 === rest.length) continue;
        word += ch + rest[++i];
        continue;
      }
      word += ch;
    } else {
      if (ch === escape && quote === '"' && i + 1 < rest.length) {
        word += ch + rest[++i];
        continue;
      }
      if (ch === quote) quote = void 0;
      word += ch;
    }
  }
  if (inWord && (blankOk || word !== "")) words.push(word);
  return words;
}

// src/build/dockerfile-words.ts
var WordError = class extends Error {
  constructor(word, reason) {
    super(`failed to process ${JSON.stringify(word)}: ${reason}`);
    this.word = word;
    this.name = "WordError";
  }
  word;
};
var SPECIAL_PARAMS = /* @__PURE__ */ new Set(["@", "*", "#", "?", "-", "$", "!", "0"]);
var Reason = class extends Error {
};
var Scanner = class {
  constructor(text) {
    this.text = text;
  }
  text;
  pos = 0;
  peek() {
    return this.text[this.pos];
  }
  next() {
    return this.text[this.pos++];
  }
};
var WordLexer = class {
  constructor(text, env, escape) {
    this.env = env;
    this.escape = escape;
    this.s = new Scanner(text);
  }
  env;
  escape;
  s;
  unset = /* @__PURE__ */ new Set();
  used = /* @__PURE__ */ new Set();
  /** Reads up to `stop` (consumed) or the end; `raw` keeps escape characters (patterns). */
  processStopOn(stop, raw) {
    let out = "";
    for (let ch = this.s.peek(); ch !== void 0; ch = this.s.peek()) {
      if (stop !== void 0 && ch === stop) {
        this.s.next();
        return out;
      }
      if (ch === "$") out += this.dollar();
      else if (ch === "'") out += this.singleQuote();
      else if (ch === '"') out += this.doubleQuote(raw);
      else {
        this.s.next();
        if (ch === this.escape) {
          if (raw) out += ch;
          const escaped = this.s.next();
          if (escaped === void 0) break;
          out += escaped;
        } else out += ch;
      }
    }
    if (stop !== void 0) throw new Reason(`unexpected end of statement while looking for matching ${stop}`);
    return out;
  }
  singleQuote() {
    this.s.next();
    let out = "";
    for (; ; ) {
      const ch = this.s.next();
      if (ch === void 0) throw new Reason("unexpected end of statement while looking for matching single-quote");
      if (ch === "'") return out;
      out += ch;
    }
  }
  doubleQuote(raw) {
    this.s.next();
    let out = "";
    for (; ; ) {
      const ch = this.s.peek();
      if (ch === void 0) throw new Reason("unexpected end of statement while looking for matching double-quote");
      if (ch === '"') {
        this.s.next();
        return out;
      }
      if (ch === "$") {
        out += this.dollar();
        continue;
      }
      this.s.next();
      if (ch === this.escape) {
        if (raw) out += ch;
        const after = this.s.peek();
        if (after === void 0) continue;
        if (after === '"' || after === "$" || after === this.escape) {
          out += this.s.next();
          continue;
        }
      }
      out += ch;
    }
  }
  name() {
    let name = "";
    for (let ch = this.s.peek(); ch !== void 0; ch = this.s.peek()) {
      if (name === "" && /\d/.test(ch)) {
        while (this.s.peek() !== void 0 && /\d/.test(this.s.peek())) name += this.s.next();
        return name;
      }
      if (name === "" && SPECIAL_PARAMS.has(ch)) return this.s.next();
      if (!/[\p{L}\p{N}_]/u.test(ch)) break;
      name += this.s.next();
    }
    return name;
  }
  get(name) {
    const value = this.env.get(name);
    if (value !== void 0) this.used.add(name);
    return value;
  }
  direct(name) {
    const value = this.get(name);
    if (value === void 0) this.unset.add(name);
    return value ?? "";
  }
  dollar() {
    this.s.next();
    if (this.s.peek() !== "{") {
      const name2 = this.name();
      return name2 === "" ? "$" : this.direct(name2);
    }
    this.s.next();
    const first = this.s.peek();
    if (first === void 0) throw new Reason("syntax error: missing '}'");
    if (first === "{" || first === "}" || first === ":") throw new Reason("syntax error: bad substitution");
    const name = this.name();
    let op = this.s.next();
    if (op === void 0) throw new Reason(`unsupported modifier () in substitution`);
    if (op === "}") return this.direct(name);
    if (op === "/") return this.substitute(name);
    let nullIsUnset = false;
    let ops = op;
    if (op === ":") {
      nullIsUnset = true;
      op = this.s.next() ?? "";
      ops += op;
    }
    if (!["+", "-", "?", "#", "%"].includes(op) && !nullIsUnset) throw new Reason(`unsupported modifier (${ops}) in substitution`);
    const pattern = op === "#" || op === "%";
    if (nullIsUnset && pattern) throw new Reason(`unsupported modifier (${ops}) in substitution`);
    let word;
    try {
      word = this.processStopOn("}", pattern);
    } catch (e) {
      if (this.s.peek() === void 0) throw new Reason("syntax error: missing '}'");
      throw e;
    }
    const value = this.get(name);
    const isSet = value !== void 0 && !(nullIsUnset && value === "");
    switch (op) {
      case "-":
        return isSet ? value : word;
      case "+":
        return isSet ? word : "";
      case "?":
        if (value === void 0) throw new Reason(`${name}: ${word || "is not allowed to be unset"}`);
        if (!isSet) throw new Reason(`${name}: ${word || "is not allowed to be empty"}`);
        return value;
      case "#":
      case "%": {
        const greedy = word.startsWith(op);
        const pat = greedy ? word.slice(1) : word;
        const v = this.direct(name);
        return op === "#" ? trimPrefix(pat, v, greedy) : trimSuffix(pat, v, greedy);
      }
      default:
        throw new Reason(`unsupported modifier (${ops}) in substitution`);
    }
  }
  substitute(name) {
    const all = this.s.peek() === "/";
    if (all) this.s.next();
    let pattern;
    let replacement;
    try {
      pattern = this.processStopOn("/", true);
    } catch (e) {
      if (this.s.peek() === void 0) throw new Reason("syntax error: missing '/' in ${}");
      throw e;
    }
    try {
      replacement = this.processStopOn("}", true);
    } catch (e) {
      if (this.s.peek() === void 0) throw new Reason("syntax error: missing '}'");
      throw e;
    }
    const value = this.direct(name);
    const re = patternToRegex(pattern, true, false, all);
    if (all) return value.replace(re, () => replacement);
    const m = re.exec(value);
    return m ? value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length) : value;
  }
};
function patternToRegex(pattern, greedy, anchored, global = false) {
  let out = anchored ? "^" : "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "*") out += greedy ? "[\\s\\S]*" : "[\\s\\S]*?";
    else if (ch === "?") out += "[\\s\\S]";
    else if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === "}" || next === "/") continue;
      if (next !== "*" && next !== "?" && next !== "\\") throw new Reason(`invalid pattern (${pattern}) in substitution: invalid escape '\\${next ?? ""}'`);
      out += `\\${next}`;
      i++;
    } else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(out, global ? "gu" : "u");
}
function trimPrefix(pattern, value, greedy) {
  const m = patternToRegex(pattern, greedy, true).exec(value);
  return m ? value.slice(m[0].length) : value;
}
function reversePattern(pattern) {
  const tokens = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\" && i < pattern.length - 1) {
      tokens.push(pattern[i] + pattern[i + 1]);
      i++;
    } else tokens.push(pattern[i]);
  }
  return tokens.reverse().join("");
}
var reverse = (s) => [...s].reverse().join("");
function trimSuffix(pattern, value, greedy) {
  return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
}
function expandWord(word, env, escape = "\\") {
  const lexer = new WordLexer(word, env, escape);
  try {
    const value = lexer.processStopOn(void 0, false);
    return { value, used: [...lexer.used], unset: [...lexer.unset] };
  } catch (e) {
    if (e instanceof Reason) throw new WordError(word, e.message);
    throw e;
  }
}

// src/build/base-images.ts
function buildArgMap(buildArgs) {
  const map = /* @__PURE__ */ new Map();
  for (const entry of buildArgs) {
    const eq = entry.indexOf("=");
    if (eq > 0) map.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return map;
}
function automaticArgs(build, target, targetStage) {
  const entries = [
    ["BUILDPLATFORM", formatPlatform(build)],
    ["BUILDOS", build.os],
    ["BUILDOSVERSION", ""],
    ["BUILDARCH", build.architecture],
    ["BUILDVARIANT", build.variant],
    ["TARGETPLATFORM", formatPlatform(target)],
    ["TARGETOS", target.os],
    ["TARGETOSVERSION", ""],
    ["TARGETARCH", target.architecture],
    ["TARGETVARIANT", target.variant],
    ["TARGETSTAGE", targetStage]
  ];
  return new Map(entries.map(([k, v]) => [k, { value: v }]));
}
function expandGlobal(word, scope, declared, escape) {
  const env = new Map([...scope].map(([k, v]) => [k, v.value]));
  let result;
  try {
    result = expandWord(word, env, escape);
  } catch (e) {
    if (e instanceof WordError) return { unresolved: e.message };
    throw e;
  }
  const unknown = result.used.map((n) => scope.get(n)?.unknown).find(Boolean);
  if (unknown) return { unresolved: unknown };
  if (result.unset.length > 0) {
    const name = result.unset[0];
    return {
      unresolved: declared.has(name) ? `ARG ${name} has no default and no build-arg sets it` : `${name} is not an ARG declared before the first FROM (BuildKit substitutes "")`
    };
  }
  return { value: result.value };
}
function globalScope(parsed, overrides, auto) {
  const scope = new Map(auto);
  for (const [k, v] of overrides) if (scope.has(k)) scope.set(k, { value: v });
  const declared = /* @__PURE__ */ new Set();
  for (const arg of parsed.globalArgs) {
    declared.add(arg.name);
    const override = overrides.get(arg.name);
    if (override !== void 0) scope.set(arg.name, { value: override });
    else if (arg.value !== void 0) {
      const expanded = expandGlobal(arg.value, scope, declared, parsed.escape);
      scope.set(arg.name, "value" in expanded ? { value: expanded.value } : { value: "", unknown: `ARG ${arg.name}: ${expanded.unresolved}` });
    }
  }
  return scope;
}
function resolveBase(base, scope, declared, escape, earlier) {
  const expanded = expandGlobal(base, scope, declared, escape);
  if ("unresolved" in expanded) return { kind: "unresolved", reason: expanded.unresolved };
  const name = expanded.value;
  if (name === "") return { kind: "unresolved", reason: `base name (${base}) should not be blank` };
  if (earlier.has(name)) return { kind: "stage", stage: name };
  if (name === "scratch") return { kind: "scratch" };
  try {
    parseReference(name);
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const hint = earlier.has(name.toLowerCase()) ? ` (stage ${JSON.stringify(name.toLowerCase())} is only found when written in lowercase)` : "";
    return { kind: "unresolved", reason: `${e.message}${hint}` };
  }
  return { kind: "image", reference: name };
}
function resolveForPlatform(parsed, overrides, build, target, wanted) {
  const last = parsed.froms[parsed.froms.length - 1];
  const targetStage = wanted || last?.name || "default";
  const scope = globalScope(parsed, overrides, automaticArgs(build, target, targetStage));
  const declared = new Set(parsed.globalArgs.map((a) => a.name));
  const earlier = /* @__PURE__ */ new Set();
  const stages = [];
  for (const from of parsed.froms) {
    const stage = {
      index: from.index,
      ...from.name ? { name: from.name } : {},
      line: from.line,
      from: from.base,
      base: resolveBase(from.base, scope, declared, parsed.escape, earlier),
      reachable: false
    };
    if (from.platformFlag !== void 0) {
      const p = expandGlobal(from.platformFlag, scope, declared, parsed.escape);
      try {
        stage.platform = "value" in p ? formatPlatform(parsePlatform(p.value)) : `unresolved: ${p.unresolved}`;
      } catch (e) {
        if (!(e instanceof PlatformError)) throw e;
        stage.platform = `unresolved: ${e.message}`;
      }
    }
    stages.push(stage);
    if (from.name) earlier.add(from.name);
  }
  const platform = formatPlatform(target);
  const finalStage = wanted ? stages.find((s2) => s2.name === wanted.toLowerCase()) : stages[stages.length - 1];
  if (!finalStage) {
    const reason = wanted ? `target stage ${JSON.stringify(wanted)} could not be found` : "the Dockerfile has no FROM";
    return { platform, stages, runtime: { kind: "unresolved", reason } };
  }
  markReachable(stages, finalStage, parsed.froms);
  let s = finalStage;
  const byName = stagesByName(stages);
  while (s.base.kind === "stage") s = byName.get(s.base.stage);
  return { platform, stages, final: label(finalStage), runtimeStage: label(s), runtime: s.base };
}
function stagesByName(stages) {
  const byName = /* @__PURE__ */ new Map();
  for (const x of stages) if (x.name && !byName.has(x.name)) byName.set(x.name, x);
  return byName;
}
function markReachable(stages, finalStage, froms) {
  const byName = stagesByName(stages);
  const todo = [finalStage];
  while (todo.length > 0) {
    const s = todo.pop();
    if (s.reachable) continue;
    s.reachable = true;
    if (s.base.kind === "stage") todo.push(byName.get(s.base.stage));
    for (const use of froms[s.index].uses) {
      if (use.includes("$")) {
        for (const x of stages) x.reachable = true;
        return;
      }
      const dep = /^\d+$/.test(use) ? stages[Number(use)] : byName.get(use.toLowerCase());
      if (dep && dep.index < s.index) todo.push(dep);
    }
  }
}
function label(stage) {
  return stage.name ?? String(stage.index);
}
function resolveDockerfileBases(dockerfile, opts = {}) {
  const parsed = parseDockerfile(dockerfile);
  const overrides = buildArgMap(opts.buildArgs ?? []);
  const build = parsePlatform(opts.buildPlatform ?? "linux/amd64");
  const wanted = opts.platforms && opts.platforms.length > 0 ? opts.platforms : [formatPlatform(build)];
  const targets = [...new Map(wanted.map((p) => parsePlatform(p)).map((p) => [formatPlatform(p), p])).values()];
  return {
    buildPlatform: formatPlatform(build),
    targets: targets.map((t) => resolveForPlatform(parsed, overrides, build, t, opts.target))
  };
}
function usesOf({ targets }, file) {
  const uses = /* @__PURE__ */ new Map();
  for (const t of targets) {
    for (const stage of t.stages) {
      if (stage.base.kind !== "image" || !stage.reachable) continue;
      const reference = stage.base.reference;
      let use = uses.get(reference);
      if (!use) {
        use = { reference, stage: label(stage), runtime: false, file, line: stage.line, on: /* @__PURE__ */ new Set() };
        uses.set(reference, use);
      }
      use.on.add(t.platform);
      if (t.runtime.kind === "image" && t.runtime.reference === reference) use.runtime = true;
    }
  }
  return [...uses.values()].map(({ on, ...use }) => on.size < targets.length ? { ...use, platforms: [...on] } : use);
}
function labelledBase(uses) {
  const runtimes = uses.filter((u) => u.runtime);
  return runtimes.length === 1 && !runtimes[0].platforms ? runtimes[0] : void 0;
}
function unresolvedOf({ targets }) {
  const byStage = /* @__PURE__ */ new Map();
  for (const t of targets) {
    for (const stage of t.stages) {
      if (stage.base.kind !== "unresolved" || !stage.reachable) continue;
      const entry = byStage.get(stage.index) ?? { stage: label(stage), line: stage.line, reason: stage.base.reason, platforms: [], runtime: false };
      entry.platforms.push(t.platform);
      if (t.runtimeStage === label(stage)) entry.runtime = true;
      byStage.set(stage.index, entry);
    }
  }
  return [...byStage.values()];
}

// src/build/build-check.ts
function checkVerdict(result, dockerfile, failOn) {
  const where = (loc) => {
    const line = loc?.ranges?.[0]?.start?.line;
    return { file: dockerfile, ...line ? { startLine: line } : {} };
  };
  const findings = (result.warnings ?? []).map((w) => ({
    level: failOn === "warning" ? "error" : "warning",
    message: `${w.detail ?? w.description ?? "build check"}${w.url ? ` (${w.url})` : ""}`,
    properties: { title: `Build check ${w.ruleName ?? ""}`.trim(), ...where(w.location) }
  }));
  if (result.buildError) {
    findings.push({ level: "error", message: result.buildError.message ?? "the build checks failed", properties: { title: "Build check", ...where(result.buildError.location) } });
  }
  const warnings = result.warnings?.length ?? 0;
  const failed = Boolean(result.buildError) || failOn === "warning" && warnings > 0;
  const summary = warnings === 0 && !result.buildError ? "Build checks: no findings." : `Build checks: ${warnings} warning${warnings === 1 ? "" : "s"}${result.buildError ? ", and an error" : ""}${failed ? "" : " (not failing: check-fails-on is error)"}.`;
  return { findings, failed, summary };
}
async function runBuildCheck(deps, plan, facts, failOn, env = {}) {
  if (!facts.buildxVersion) throw new BuildError('Input "call" is check, which needs buildx (0.15 or later); install it (docker/setup-buildx-action).');
  const checkArgs = buildCheckArgs(plan);
  deps.logger.info(`docker ${checkArgs.join(" ")}`);
  const r = await deps.exec.run("docker", checkArgs, { env });
  let parsed;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw new BuildError(`docker buildx build --call=check failed:
${buildErrorSummary(r.stderr || r.stdout)}`);
  }
  const verdict = checkVerdict(parsed, plan.dockerfile, failOn);
  for (const f of verdict.findings) {
    if (f.level === "error") deps.logger.error(f.message, f.properties);
    else deps.logger.warning(f.message, f.properties);
  }
  deps.logger.info(verdict.summary);
  if (verdict.failed) throw new BuildError(verdict.summary);
  return verdict;
}
function buildCheckArgs(plan) {
  const args = buildxArgs({
    ...plan,
    tags: [],
    push: false,
    load: false,
    cacheTo: [],
    ...plan.options ? { options: { ...plan.options, outputs: [] } } : {}
  });
  return [...args.slice(0, 2), "--call=check,format=json", ...args.slice(2)];
}

// src/build/dockerfile-mode.ts
function dockerBuildPlan(req, runtimeBase, secrets = []) {
  const { inputs } = req;
  return {
    context: inputs.context,
    dockerfile: req.dockerfile,
    tags: req.tags,
    push: inputs.push,
    load: inputs.load,
    platforms: inputs.platforms,
    target: inputs.target,
    buildArgs: inputs.buildArgs,
    labels: ociLabels(
      {
        serverUrl: req.github.serverUrl,
        repository: req.github.repository,
        revision: req.github.sha,
        created: req.sourceDate?.date ?? req.now,
        base: runtimeBase ? { name: runtimeBase.reference, digest: runtimeBase.digest } : void 0,
        repositoryInfo: req.github.repositoryInfo,
        version: tagOf(req.tags[0])
      },
      inputs.labels
    ),
    cacheFrom: req.cachePlan.cacheFrom,
    cacheTo: req.cachePlan.cacheTo,
    noCache: inputs.noCache,
    builder: inputs.buildxBuilder,
    metadataFile: join(req.tempDir, "build-metadata.json"),
    iidFile: join(req.tempDir, "iidfile"),
    // Also as manifest annotations, where crane rebase and other OCI tools read and update it.
    // Pushed images only: an image loaded into the engine keeps no manifest annotations.
    options: buildxOptionsOf(
      inputs,
      secrets,
      inputs.push && runtimeBase ? baseAnnotations({ name: runtimeBase.reference, digest: runtimeBase.digest }) : []
    )
  };
}
function cacheArgsOf(plan) {
  switch (plan.kind) {
    case "user":
    case "gha":
      return { cacheFrom: plan.cacheFrom, cacheTo: plan.cacheTo };
    case "local":
    case "none":
      return { cacheFrom: [], cacheTo: [] };
  }
}
async function resolveDigest(deps, reference) {
  const pinned = digestOf(reference);
  if (pinned) return pinned;
  if (deps.registryDigest) {
    const digest = await deps.registryDigest(reference).catch(() => void 0);
    if (digest) return digest;
    return engineDigest(deps.engine, reference);
  }
  const remote = await deps.exec.run("docker", ["buildx", "imagetools", "inspect", reference, "--format", "{{json .Manifest}}"]);
  if (remote.exitCode === 0) {
    try {
      return JSON.parse(remote.stdout).digest;
    } catch {
    }
  }
  return engineDigest(deps.engine, reference);
}
async function engineDigest(engine, reference) {
  const local = await engine.image(reference).catch(() => void 0);
  return digestOf(local?.RepoDigests?.[0]);
}
async function resolveBaseImages(deps, req) {
  const content = await deps.files.read(req.dockerfile);
  const resolution = content ? resolveDockerfileBases(content, { buildArgs: req.inputs.buildArgs, target: req.inputs.target, platforms: req.inputs.platforms, buildPlatform: hostPlatform() }) : void 0;
  for (const u of resolution ? unresolvedOf(resolution) : []) {
    deps.logger.warning(`Base image of stage ${u.stage}${u.runtime ? " (runtime)" : ""} is unresolved: ${u.reason}. It is left out of the base labels, freshness checks and rebase.`, {
      file: req.dockerfile,
      startLine: u.line
    });
  }
  const bases = resolution ? usesOf(resolution, req.dockerfile) : [];
  await Promise.all(
    bases.map(async (b) => {
      b.digest = await resolveDigest(deps, b.reference);
    })
  );
  const unresolved = (resolution ? unresolvedOf(resolution) : []).map((u) => ({ stage: u.stage, line: u.line, reason: u.reason, runtime: u.runtime, file: req.dockerfile }));
  return { bases, unresolved };
}
async function buildWithDockerfile(deps, req, bases) {
  const secrets = secretsForBuild(req.inputs.secrets);
  const plan = dockerBuildPlan(req, labelledBase(bases), secrets.secrets);
  const reproducible = req.sourceDate && req.sourceDate.from !== "clock" ? req.sourceDate : void 0;
  const env = { ...secrets.env, ...reproducible ? { SOURCE_DATE_EPOCH: String(reproducible.epoch) } : {} };
  let progress = "";
  const exec = {
    async run(command, args, options) {
      const result = await deps.exec.run(command, args, options);
      if (options?.stream) progress += result.stderr + result.stdout;
      return result;
    }
  };
  const outcome = await runDockerBuild(exec, deps.logger, plan, env, { onBuildStarted: deps.onBuildStarted });
  const cacheWarning = ghaCacheWarning(ghaCacheFailures(progress));
  if (cacheWarning) deps.logger.warning(cacheWarning);
  return {
    mode: "dockerfile",
    tags: req.tags,
    digest: outcome.digest,
    imageId: outcome.imageId,
    pushed: req.inputs.push,
    metadata: outcome.metadata,
    baseImages: bases
  };
}
async function checkWithDockerfile(deps, req) {
  const secrets = secretsForBuild(req.inputs.secrets);
  const plan = dockerBuildPlan(req, void 0, secrets.secrets);
  return runBuildCheck(deps, plan, req.builder, req.inputs.checkFailsOn, secrets.env);
}

// src/build/source-date.ts
function sourceDate(facts) {
  const fromEnv = facts.envEpoch?.trim() ? Number(facts.envEpoch.trim()) : NaN;
  if (Number.isInteger(fromEnv) && fromEnv > 0) return { date: new Date(fromEnv * 1e3), epoch: fromEnv, from: "env" };
  if (facts.gitCommitSeconds !== void 0 && Number.isInteger(facts.gitCommitSeconds) && facts.gitCommitSeconds > 0) {
    return { date: new Date(facts.gitCommitSeconds * 1e3), epoch: facts.gitCommitSeconds, from: "git" };
  }
  const fromEvent = facts.headCommitTimestamp ? Date.parse(facts.headCommitTimestamp) : NaN;
  if (Number.isFinite(fromEvent)) {
    const epoch2 = Math.floor(fromEvent / 1e3);
    return { date: new Date(epoch2 * 1e3), epoch: epoch2, from: "event" };
  }
  const epoch = Math.floor(facts.now.getTime() / 1e3);
  return { date: new Date(epoch * 1e3), epoch, from: "clock" };
}
async function commitSeconds(exec, dir) {
  const r = await exec.run("git", ["-C", dir, "log", "-1", "--format=%ct"]);
  const n = Number(r.stdout.trim());
  return r.exitCode === 0 && Number.isInteger(n) && n > 0 ? n : void 0;
}
function describeSourceDate(d) {
  const when = d.date.toISOString();
  switch (d.from) {
    case "env":
      return `Image creation time: ${when}, from SOURCE_DATE_EPOCH`;
    case "git":
      return `Image creation time: ${when}, the commit's (reproducible builds)`;
    case "event":
      return `Image creation time: ${when}, the pushed head commit's (reproducible builds)`;
    case "clock":
      return `Image creation time: ${when}, the clock's: no git checkout nor head commit in the event, so rebuilds of one commit differ`;
  }
}

// src/detect/listing.ts
async function contextListing(files, context) {
  const root = await files.list(context);
  const nested = await Promise.all(
    LISTED_DIRS.filter((d) => root.includes(d)).map(async (d) => (await files.list(join2(context, d))).map((name) => `${d}/${name}`))
  );
  return [...root, ...nested.flat()];
}

// src/report/chart.ts
var CHART_GROUPS = 12;
var LABEL_LENGTH = 30;
var GROWTH = "#fb8f44";
var SHRINKAGE = "#afb8c1";
var SHARED = "#0969da";
function sizeChart(platform, compared) {
  const groups = chartGroups(platform);
  if (groups.length < 2) return [];
  const peak = Math.max(...groups.map((g) => Math.max(g.before, g.after)));
  const [unit, divisor] = peak >= 1e9 ? ["GB", 1e9] : peak >= 1e6 ? ["MB", 1e6] : peak >= 1e3 ? ["kB", 1e3] : ["B", 1];
  const value = (bytes) => String(Number((bytes / divisor).toFixed(2)));
  const series = (pick) => `  bar [${groups.map((g) => value(pick(g))).join(", ")}]`;
  const top = niceCeiling(peak / divisor);
  const labels = uniqueLabels(groups);
  const lines = [
    "```mermaid",
    "---",
    "config:",
    "  xyChart:",
    "    width: 820",
    `    height: ${160 + 32 * groups.length}`,
    "  themeVariables:",
    "    xyChart:",
    `      plotColorPalette: "${compared ? `${GROWTH}, ${SHRINKAGE}, ${SHARED}` : SHARED}"`,
    "---",
    "xychart-beta horizontal",
    `  title "Size by layer group, ${mermaidLabel(platform.platform)} (${unit})"`,
    `  x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
    `  y-axis "${unit}" 0 --> ${top}`
  ];
  if (compared) {
    lines.push(series((g) => g.after > g.before ? g.after : 0));
    lines.push(series((g) => g.before > g.after ? g.before : 0));
    lines.push(series((g) => Math.min(g.before, g.after)));
  } else {
    lines.push(series((g) => g.after));
  }
  const legend = [compared ? "Blue and orange: this PR. Blue and grey: the baseline." : "Bars: this image."];
  if (labels.some((l) => l.includes("\u2026"))) legend.push("Long names are shortened; the tables above have them in full.");
  lines.push("```", "", `<sub>${legend.join(" ")}</sub>`, "");
  return lines;
}
function chartGroups(platform) {
  const byKey = /* @__PURE__ */ new Map();
  for (const c of platform.changes) {
    const label2 = chartLabel(c.origin);
    const g = byKey.get(label2) ?? { label: label2, before: 0, after: 0 };
    g.before += c.baseline?.size ?? 0;
    g.after += c.current?.size ?? 0;
    byKey.set(label2, g);
  }
  const groups = [...byKey.values()];
  if (groups.length <= CHART_GROUPS) return groups;
  const size2 = (g) => Math.max(g.before, g.after);
  const keep = new Set([...groups].sort((a, b) => size2(b) - size2(a)).slice(0, CHART_GROUPS - 1));
  const rest = groups.filter((g) => !keep.has(g));
  return [
    ...groups.filter((g) => keep.has(g)),
    { label: `${rest.length} other layer groups`, before: sum(rest.map((g) => g.before)), after: sum(rest.map((g) => g.after)) }
  ];
}
function chartLabel(origin) {
  if (origin.kind === "base") return `base ${imageName(origin.reference).replace(/@.*$/, "").split("/").at(-1)}`;
  if (origin.kind === "buildpack") return `${origin.buildpack.replace(/@.*$/, "").split("/").at(-1)} ${origin.layer}`;
  return originLabel(origin);
}
function uniqueLabels(groups) {
  const full = groups.map((g) => mermaidLabel(g.label, Number.MAX_SAFE_INTEGER));
  const labels = full.map((text) => truncate(text, LABEL_LENGTH));
  const byLabel = /* @__PURE__ */ new Map();
  labels.forEach((label2, i) => byLabel.set(label2, [...byLabel.get(label2) ?? [], i]));
  for (const rows of byLabel.values()) {
    if (rows.length < 2) continue;
    const shared = commonPrefixLength(rows.map((i) => full[i]));
    for (const i of rows) {
      const keyword = /^[A-Z]+ /.exec(full[i])?.[0] ?? "";
      const text = full[i];
      const boundary = Math.max(text.lastIndexOf("/", shared - 1), text.lastIndexOf(" ", shared - 1));
      const from = Math.max(keyword.length, boundary >= shared - 16 ? boundary + 1 : shared - 8);
      if (from > keyword.length) labels[i] = truncate(`${keyword}\u2026${full[i].slice(from)}`, LABEL_LENGTH);
    }
  }
  const seen = /* @__PURE__ */ new Map();
  return labels.map((label2) => {
    const n = (seen.get(label2) ?? 0) + 1;
    seen.set(label2, n);
    return n > 1 ? `${label2} ${n}` : label2;
  });
}
function commonPrefixLength(texts) {
  let n = 0;
  while (texts.every((t) => n < t.length && t[n] === texts[0][n])) n++;
  return n;
}
function niceCeiling(peak) {
  if (peak <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(peak));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * power >= peak - 1e-9);
  return Number((step * power).toPrecision(12));
}
function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

// src/report/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
function renderMarkdown(report, options = {}) {
  const max = options.maxLength ?? GITHUB_COMMENT_LIMIT - 500;
  const instructionLength = options.instructionLength ?? 160;
  const most = Math.max(0, ...report.comparison.platforms.map((p) => p.changes.length));
  const attempts = [{ unchanged: true, changedRows: most, chart: true, otherPlatformLayers: true }];
  attempts.push({ ...attempts[0], unchanged: false });
  attempts.push({ ...attempts[1], otherPlatformLayers: false });
  for (let rows = Math.min(most, 200); rows >= 10; rows = Math.floor(rows / 2)) attempts.push({ ...attempts[2], changedRows: rows });
  attempts.push({ unchanged: false, changedRows: 0, chart: false, otherPlatformLayers: false });
  for (const detail of attempts) {
    const body = render(report, detail, instructionLength);
    if (body.length <= max) return body;
  }
  const note = "\n\n_Report cut to fit GitHub\u2019s comment size limit; the job summary and report JSON have it all._\n";
  return render(report, attempts.at(-1), 60).slice(0, max - note.length) + note;
}
function render(report, detail, instructionLength) {
  const out = [];
  const trimmed = [];
  const cells = { width: instructionLength, shortened: /* @__PURE__ */ new Set() };
  out.push(`### Image report: ${inlineCode(imageName(report.image.reference.split("@")[0]))}`, "");
  out.push(headline(report), "");
  if (report.sizeCheck) out.push(sizeCheckLine(report.sizeCheck), "");
  const attention = attentionLine(report);
  if (attention) out.push(attention, "");
  const compared = report.comparison.status === "compared";
  const platforms = report.comparison.platforms;
  if (platforms.length > 1) out.push(...platformTable(platforms, compared), "");
  platforms.forEach((platform, i) => {
    const section = layerSection(platform, compared, detail, cells, trimmed);
    if (i === 0 || platforms.length === 1) {
      out.push(`#### Layers \xB7 ${escapeMarkdown(platform.platform)}`, "", ...section, "");
    } else if (detail.otherPlatformLayers) {
      out.push(`<details><summary>Layers \xB7 ${escapeMarkdown(platform.platform)}</summary>`, "", ...section, "", "</details>", "");
    } else {
      trimmed.push(`layer tables of ${platforms.length - 1} more platforms`);
    }
  });
  if (report.freshness.length > 0) out.push("#### Base images", "", ...freshnessTable(report, cells), "");
  if (cells.shortened.size > 0) {
    const refs = [...cells.shortened].map((r) => `- ${inlineCode(r)}`);
    out.push("<details><summary>Full image references</summary>", "", ...refs, "", "</details>", "");
  }
  if (report.layerReuse) out.push(`Build cache: ${report.layerReuse}.`, "");
  const first = platforms.find((p) => p.presence !== "removed");
  if (detail.chart && first) out.push(...sizeChart(first, compared));
  else if (first) trimmed.push("the chart");
  if (trimmed.length > 0) {
    out.push(`_Trimmed to fit GitHub\u2019s comment size limit: ${[...new Set(trimmed)].join(", ")} not shown. The job summary and report JSON have the full list._`, "");
  }
  out.push(`<sub>${footer(report)}</sub>`, "");
  return out.join("\n");
}
var ORIGIN_WORDS = {
  "compare-to": "the compare-to input",
  "base-branch": "the base branch",
  "default-branch-snapshot": "the snapshot saved from the default branch"
};
function size(bytes) {
  return unbreakable(formatBytes(bytes));
}
function change(bytes, percent) {
  return unbreakable(formatChange(bytes, percent));
}
function headline(report) {
  const h = report.headline;
  const where = h.platform ? ` (${escapeMarkdown(h.platform)}${h.platformCount > 1 ? `, 1 of ${h.platformCount} platforms` : ""})` : "";
  const total = `**${size(h.size)}** ${h.sizeKind}${where}`;
  const c = report.comparison;
  if (c.status === "compared" && report.baseline) {
    const delta = h.delta === void 0 ? "not comparable" : h.delta === 0 ? "no change" : `**${change(h.delta, h.deltaPercent)}**`;
    return `${total}: ${delta} against ${inlineCode(imageName(report.baseline.reference))}.`;
  }
  return `${total}. No size comparison: ${escapeMarkdown(c.reason ?? "no baseline")}.`;
}
function sizeCheckLine(check) {
  const limit = `fail-on-size-increase (${unbreakable(describeThreshold(check.threshold))})`;
  if (check.status === "not-checked") return `Size check skipped: ${limit} needs a comparable baseline.`;
  if (check.status === "passed" || !check.exceeded?.length) {
    const worst = check.worst;
    return worst ? `Size check passed: the largest change, ${change(worst.delta, worst.deltaPercent)} on ${escapeMarkdown(worst.platform)}, is within ${limit}.` : `Size check passed: within ${limit}.`;
  }
  const grew = check.exceeded.map((g, i) => `${escapeMarkdown(g.platform)}${i === 0 ? " grew by" : " by"} ${change(g.delta, g.deltaPercent)}`);
  return `**Size check failed**: ${listing(grew)}, more than ${limit} allows.`;
}
function attentionLine(report) {
  const stale = report.staleBases.length;
  const total = report.freshness.length;
  if (stale === 0) return void 0;
  const see = "(see Base images)";
  if (total === 1) return `The base image needs attention ${see}.`;
  if (stale === total) return `${total === 2 ? "Both" : `All ${total}`} base images need attention ${see}.`;
  return `${stale} of ${total} base images ${stale === 1 ? "needs" : "need"} attention ${see}.`;
}
function platformTable(platforms, compared) {
  if (!compared) {
    return ["| Platform | Size | Layers |", "|---|---:|---:|", ...platforms.map((p) => `| ${escapeMarkdown(p.platform)} | ${size(p.currentSize ?? 0)} | ${layerCount(p)} |`)];
  }
  const rows = platforms.map((p) => {
    const before = p.baselineSize === void 0 ? "\u2014" : size(p.baselineSize);
    const after = p.currentSize === void 0 ? "\u2014" : size(p.currentSize);
    const delta = p.presence === "added" ? "new platform" : p.presence === "removed" ? "platform removed" : change(p.delta ?? 0, p.deltaPercent);
    return `| ${escapeMarkdown(p.platform)} | ${delta} | ${before} | ${after} |`;
  });
  return [`| Platform | Change | Baseline | ${THIS_PR} |`, "|---|---:|---:|---:|", ...rows];
}
var THIS_PR = unbreakable("This PR");
function layerCount(p) {
  return sum2(p.changes.map((c) => (c.current ?? c.baseline).digests.length));
}
function rebuiltSameSize(c) {
  return c.status === "changed" && c.delta === 0;
}
function layerSection(platform, compared, detail, cells, trimmed) {
  if (!compared || platform.presence !== "both") {
    const rows = platform.changes.map((c) => `| ${layerLabel(c, cells)} | ${size((c.current ?? c.baseline).size)} |`);
    const kept = detail.unchanged ? rows : rows.slice(0, Math.max(detail.changedRows, 0));
    if (kept.length < rows.length) trimmed.push(`${rows.length - kept.length} layer rows`);
    return kept.length > 0 ? ["| Layer | Size |", "|---|---:|", ...kept] : [`${rows.length} layers.`];
  }
  const quiet = platform.changes.filter((c) => c.status === "unchanged" || rebuiltSameSize(c));
  const changed = platform.changes.filter((c) => !quiet.includes(c));
  const out = [];
  if (changed.length === 0) {
    out.push("No layer changed size.");
  } else {
    const keep = new Set([...changed].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, detail.changedRows));
    const rows = changed.filter((c) => keep.has(c)).map((c) => changedRow(c, cells));
    if (rows.length < changed.length) trimmed.push(`${changed.length - rows.length} changed layers (the smallest changes)`);
    if (rows.length > 0) out.push(`| Status | Layer | Change | Baseline | ${THIS_PR} |`, "|---|---|---:|---:|---:|", ...rows);
  }
  if (quiet.length > 0) {
    const rebuilt = quiet.filter(rebuiltSameSize).length;
    const unchanged = quiet.length - rebuilt;
    const what = [unchanged > 0 ? count(unchanged, "unchanged layer") : "", rebuilt > 0 ? `${count(rebuilt, "layer")} rebuilt with the same size` : ""];
    const summary = `${listing(what.filter(Boolean))}, ${size(sum2(quiet.map((c) => c.current?.size ?? 0)))}`;
    if (detail.unchanged) {
      const rows = quiet.map(
        (c) => rebuilt > 0 ? `| ${layerLabel(c, cells)} | ${rebuiltSameSize(c) ? "rebuilt, same size" : "unchanged"} | ${size(c.current?.size ?? 0)} |` : `| ${layerLabel(c, cells)} | ${size(c.current?.size ?? 0)} |`
      );
      const head = rebuilt > 0 ? ["| Layer | Status | Size |", "|---|---|---:|"] : ["| Layer | Size |", "|---|---:|"];
      out.push("", `<details><summary>${summary}</summary>`, "", ...head, ...rows, "", "</details>");
    } else {
      out.push("", `${summary} (not listed).`);
      trimmed.push("unchanged layers");
    }
  }
  return out;
}
function changedRow(c, cells) {
  const before = c.baseline ? size(c.baseline.size) : "\u2014";
  const after = c.current ? size(c.current.size) : "\u2014";
  return `| ${c.status} | ${layerLabel(c, cells)} | ${change(c.delta, c.deltaPercent)} | ${before} | ${after} |`;
}
function layerLabel(c, cells) {
  const label2 = originCell(c.origin, cells, c);
  if (c.baselineOrigin && c.baselineOrigin.kind === c.origin.kind && c.origin.kind === "base") {
    return `${originCell(c.baselineOrigin, cells, c)} \u2192 ${referenceCell(c.origin.reference, cells)}`;
  }
  return label2;
}
function referenceCell(reference, cells) {
  const short = shortImageName(reference);
  if (short !== imageName(reference)) cells.shortened.add(imageName(reference));
  const at = short.indexOf("@");
  const name = tableCode(wrappable(at === -1 ? short : short.slice(0, at)));
  return at === -1 ? name : `${name}<br>${tableCode(short.slice(at))}`;
}
function originCell(origin, cells, c) {
  switch (origin.kind) {
    case "base": {
      const layers = (c.current ?? c.baseline).digests.length;
      return `base image ${referenceCell(origin.reference, cells)}${layers > 1 ? ` (${layers} layers)` : ""}`;
    }
    case "instruction":
      return tableCode(truncateWords(wrappable(truncate(origin.instruction, cells.width)), WORD_LENGTH));
    case "buildpack":
      return `${tableCode(origin.buildpack)} layer ${tableCode(truncateWords(origin.layer, WORD_LENGTH))}`;
    case "lifecycle":
      return `buildpacks ${escapeMarkdown(truncateWords(origin.layer, WORD_LENGTH))} layer`;
    case "unknown": {
      const digest = (c.current ?? c.baseline).digests[0] ?? "";
      return `layer ${tableCode(truncate(digest, 19))}`;
    }
  }
}
var WORD_LENGTH = 45;
function verdictCell(f) {
  const words = VERDICT_WORDS[f.verdict];
  return isStale(f) ? `**${words}**` : words;
}
function freshnessTable(report, cells) {
  const rows = report.freshness.map((f) => {
    const stage = f.use.runtime ? `${escapeMarkdown(f.use.stage)} (final image)` : escapeMarkdown(f.use.stage);
    const age = f.ageDays === void 0 ? "\u2014" : unbreakable(count(f.ageDays, "day"));
    const notes = f.reasons.map((r) => escapeMarkdown(truncateWords(wrappable(truncate(r, 300)), WORD_LENGTH))).join("<br>");
    const reference = f.verdict === "unresolved" ? "\u2014" : referenceCell(f.use.reference, cells);
    return `| ${verdictCell(f)} | ${reference} | ${age} | ${stage} | ${notes} |`;
  });
  const ageNote = report.maxBaseAge === void 0 ? [] : ["", `Bases older than ${report.maxBaseAge} days (max-base-age) are flagged.`];
  return ["| Status | Base image | Age | Stage | Notes |", "|---|---|---:|---|---|", ...rows, ...ageNote];
}
function sum2(values) {
  return values.reduce((a, b) => a + b, 0);
}
function footer(report) {
  const kind = report.image.sizeKind === "compressed" ? "Sizes are compressed layer blobs as stored in the registry (what a pull downloads)" : "Sizes are uncompressed layers as the local engine stores them (what the disk holds)";
  const parts = [`${kind}; manifests and configs are not counted. SI units (1 MB = 1,000,000 bytes).`];
  if (report.baseline) {
    const origin = report.baseline.origin ? ` from ${ORIGIN_WORDS[report.baseline.origin]}` : "";
    parts.push(`Baseline: ${inlineCode(imageName(report.baseline.reference))}${origin} (${inlineCode(truncate(report.baseline.digest, 19))}).`);
  } else {
    parts.push("No baseline image.");
  }
  parts.push(`This build: ${inlineCode(truncate(report.image.digest, 19))}.`);
  return parts.join(" ");
}

// src/github/comment.ts
var MARKER_PREFIX = "strata:report:";
var COMMENT_BODY_LIMIT = 65536;
var ACTIONS_BOT_LOGIN = "github-actions[bot]";
function commentKey(parts) {
  return [parts.image, parts.job, parts.variant].filter((p) => !!p).join("|");
}
function markerFor(key) {
  const safe = key.replace(/[^A-Za-z0-9._:/@|+=-]/g, "_").replace(/-{2,}/g, "-");
  return `<!-- ${MARKER_PREFIX}${safe} -->`;
}
function withMarker(marker, body) {
  return `${marker}
${body}`;
}
async function upsertComment(options) {
  const { octokit, owner, repo, issueNumber, marker, logger } = options;
  let body = fitToLimit(marker, options.body);
  try {
    const author = options.author ?? await resolveAuthor(octokit, logger);
    const find = () => findOwnComment(octokit, { owner, repo, issueNumber, marker, author, logger });
    const existing = await find();
    if (existing) {
      if (normalise(existing.body ?? "") === normalise(body)) {
        logger.debug(`Comment ${existing.html_url} already up to date.`);
        return { ok: true, action: "unchanged", url: existing.html_url, id: existing.id };
      }
      const { data } = await withShorterBodyOn422(body, (b) => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: b }), (b) => body = b);
      return { ok: true, action: "updated", url: data.html_url, id: data.id };
    }
    const create = (b) => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: b });
    try {
      const { data } = await withShorterBodyOn422(body, create, (b) => body = b);
      return { ok: true, action: "created", url: data.html_url, id: data.id };
    } catch (error) {
      if (!((statusOf(error) ?? 0) >= 500) || error instanceof GitHubUnavailableError) throw error;
      const stored = await find();
      if (stored) {
        logger.debug(`POST answered ${statusOf(error)}, but GitHub had stored the comment: ${stored.html_url}`);
        return { ok: true, action: "created", url: stored.html_url, id: stored.id };
      }
      const { data } = await create(body);
      return { ok: true, action: "created", url: data.html_url, id: data.id };
    }
  } catch (error) {
    return failure(error);
  }
}
var TRUNCATION_NOTE = "\n\n_The report was cut to fit GitHub's comment size limit; the full report is in the job summary and the `report-markdown` output._\n";
function fitToLimit(marker, report, limit = COMMENT_BODY_LIMIT) {
  const whole = withMarker(marker, report);
  if (whole.length <= limit) return whole;
  const room = limit - marker.length - 1 - TRUNCATION_NOTE.length - 32;
  let cut = report.slice(0, Math.max(0, room));
  const newline = cut.lastIndexOf("\n");
  if (newline > 0) cut = cut.slice(0, newline);
  let closing = "";
  if ((cut.match(/^```/gm) ?? []).length % 2 === 1) closing += "\n```";
  const opened = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  closing += "\n</details>".repeat(Math.max(0, opened));
  return withMarker(marker, cut + closing + TRUNCATION_NOTE);
}
async function withShorterBodyOn422(body, send, used) {
  try {
    return await send(body);
  } catch (error) {
    if (statusOf(error) !== 422 || !/too long/i.test(detailOf(error))) throw error;
    const marker = body.slice(0, body.indexOf("\n"));
    const shorter = fitToLimit(marker, body.slice(marker.length + 1), Math.floor(body.length / 2));
    used(shorter);
    return send(shorter);
  }
}
var OUTDATED_PREFIX = "> [!WARNING]\n> **Outdated:**";
async function markOutdated(options) {
  const { octokit, owner, repo, issueNumber, marker, logger } = options;
  try {
    const author = options.author ?? await resolveAuthor(octokit, logger);
    const existing = await findOwnComment(octokit, { owner, repo, issueNumber, marker, author, logger });
    if (!existing) return void 0;
    const previous = (existing.body ?? "").trimStart().slice(marker.length).replace(/^\n/, "");
    const report = previous.startsWith(OUTDATED_PREFIX) ? previous.slice(previous.indexOf("\n\n") + 2) : previous;
    const body = fitToLimit(marker, `${OUTDATED_PREFIX} ${options.note}

${report}`);
    if (normalise(body) === normalise(existing.body ?? "")) return { ok: true, action: "unchanged", url: existing.html_url, id: existing.id };
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { ok: true, action: "updated", url: data.html_url, id: data.id };
  } catch (error) {
    return failure(error);
  }
}
function authorOfToken(token) {
  return token.startsWith("ghs_") ? ACTIONS_BOT_LOGIN : void 0;
}
async function resolveAuthor(octokit, logger) {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = statusOf(error);
    logger.debug(`GET /user answered ${status ?? "an error"}; assuming comments are by ${ACTIONS_BOT_LOGIN}.`);
    return ACTIONS_BOT_LOGIN;
  }
}
async function findOwnComment(octokit, q) {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: q.owner,
    repo: q.repo,
    issue_number: q.issueNumber,
    per_page: 100
  });
  for await (const page of pages) {
    for (const comment of page.data) {
      if (!(comment.body ?? "").trimStart().startsWith(q.marker)) continue;
      if (sameLogin(comment.user?.login, q.author)) return comment;
      q.logger.debug(`Comment ${comment.html_url} carries our marker but is by ${comment.user?.login ?? "a deleted user"}; leaving it alone.`);
    }
  }
  return void 0;
}
function sameLogin(a, b) {
  if (!a) return false;
  const strip = (s) => s.toLowerCase().replace(/\[bot\]$/, "");
  return strip(a) === strip(b);
}
function normalise(body) {
  return body.replace(/\r\n/g, "\n").trimEnd();
}
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function detailOf(error) {
  const e = error;
  const fields = (e.response?.data?.errors ?? []).map((x) => x.message).filter(Boolean);
  return [error instanceof Error ? error.message : String(error), ...fields].join("; ");
}
function failure(error) {
  if (error instanceof GitHubUnavailableError) {
    return error.rateLimited ? { ok: false, reason: "rate-limited", message: `GitHub ${error.reason}` } : { ok: false, reason: "unavailable", message: `GitHub API unavailable: ${error.reason}; it was not asked again in this step` };
  }
  const status = statusOf(error);
  const detail = detailOf(error);
  const base = { ok: false, ...status === void 0 ? {} : { status } };
  if (status === 403 && /rate limit/i.test(detail)) {
    return { ...base, reason: "rate-limited", message: `GitHub rate limit: ${detail}` };
  }
  if (status === 403 || status === 401) {
    return {
      ...base,
      reason: "forbidden",
      message: `the token cannot comment on this pull request (${detail}). Pull requests from forks get a read-only token; otherwise grant \`permissions: pull-requests: write\`. See docs/fork-prs.md for posting from a workflow_run.`
    };
  }
  if (status === 404) return { ...base, reason: "not-found", message: `pull request or comment not found, or not visible to the token (${detail})` };
  if (status === 422 && /too long/i.test(detail)) return { ...base, reason: "too-long", message: `GitHub rejected the comment as too long, even cut to half (${detail})` };
  if (status === 422) return { ...base, reason: "invalid", message: `GitHub rejected the comment (${detail})` };
  if (status === 429) return { ...base, reason: "rate-limited", message: `GitHub rate limit: ${detail}` };
  return { ...base, reason: "error", message: `could not post the comment: ${detail}` };
}

// src/github/publish.ts
async function publishReport(deps, inputs, report) {
  if (report) await publish(deps, inputs, report);
  else await markReportOutdated(deps, inputs, "this run could not produce an image report");
}
function markerOf(inputs, github) {
  const variant = [inputs.platforms.join(","), inputs.commentKey].filter(Boolean).join("|") || void 0;
  return markerFor(commentKey({ image: inputs.image, job: github.job, variant }));
}
async function commentTarget(deps, inputs) {
  const { github } = deps;
  const pr = github.pullRequest;
  const wanted = inputs.comment === "always" || inputs.comment === "auto" && pr !== void 0;
  if (!wanted) return { why: "", level: "info" };
  if (!pr) return { why: 'comment is "always", but this run is not for a pull request: the report is in the job summary.', level: "info" };
  if (pr.fork) {
    return { why: `Pull request #${pr.number} comes from a fork, whose token cannot comment`, level: "warning" };
  }
  if (!inputs.githubToken) return { why: "No github-token: the PR comment was not written; the report is in the job summary.", level: "warning" };
  const [owner, repo] = github.repository.split("/");
  const author = inputs.commentAuthor ?? authorOfToken(inputs.githubToken);
  return { octokit: await deps.octokit(inputs.githubToken), owner, repo, issueNumber: pr.number, marker: markerOf(inputs, github), ...author ? { author } : {} };
}
async function markReportOutdated(deps, inputs, why) {
  const { github, logger } = deps;
  try {
    const target = await commentTarget(deps, inputs);
    if (!("octokit" in target)) return;
    const sha = (github.pullRequest?.headSha ?? github.sha).slice(0, 7);
    const run = github.runId ? ` ([run ${github.runId}](${github.serverUrl.replace(/\/+$/, "")}/${github.repository}/actions/runs/${github.runId}))` : "";
    const note = `this report describes an earlier commit: for commit \`${sha}\`, ${why}${run}.`;
    const result = await markOutdated({ ...target, logger, note });
    if (result?.ok) logger.info(`Previous PR comment marked as outdated: ${result.url}`);
    else if (result) logger.debug(`Previous PR comment not marked as outdated (${result.reason}): ${result.message}`);
  } catch (e) {
    logger.debug(`Previous PR comment not marked as outdated: ${e.message}`);
  }
}
async function publish(deps, inputs, report) {
  const { logger, outputs, github } = deps;
  const marker = markerOf(inputs, github);
  const markdown = renderMarkdown(report);
  const body = withMarker(marker, markdown);
  outputs.set("size", String(report.headline.size));
  outputs.set("size-delta", report.headline.delta === void 0 ? "" : String(report.headline.delta));
  outputs.set("stale-bases", report.staleBases.join("\n"));
  outputs.set("report-markdown", body);
  const jsonPath = join(deps.reportDir, `strata-report-${inputs.image.replace(/[^a-zA-Z0-9._-]+/g, "_")}.json`);
  const mdPath = jsonPath.replace(/\.json$/, ".md");
  try {
    await writeFile(jsonPath, JSON.stringify(report, null, 2));
    await writeFile(mdPath, body);
    outputs.set("report-json", jsonPath);
    outputs.set("report-file", mdPath);
  } catch (e) {
    logger.warning(`Report files not written: ${e.message}`);
  }
  try {
    await deps.summary(markdown);
  } catch (e) {
    logger.warning(`Job summary not written: ${e.message}`);
  }
  const target = await commentTarget(deps, inputs);
  if (!("octokit" in target)) {
    const why = target.why && target.level === "warning" && github.pullRequest?.fork ? `${target.why}: the report is in the job summary, the report-markdown output and ${mdPath} (see docs/fork-prs.md to post it from a workflow_run).` : target.why;
    if (why) logger[target.level](why);
    return;
  }
  const result = await upsertComment({ ...target, body: markdown, logger });
  if (result.ok) {
    logger.info(`PR comment ${result.action}: ${result.url}`);
    outputs.set("comment-url", result.url);
  } else {
    logger.warning(`PR comment not written (${result.reason}): ${result.message}. The report is in the job summary and the report-markdown output.`);
  }
}

// src/report/produce.ts
var SizeIncreaseError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SizeIncreaseError";
  }
};
async function produceReport(deps, inputs, result) {
  const { logger, github } = deps;
  try {
    const client = await deps.registry(inputs);
    const reference = result.tags[0];
    const branchTag = baseBranchTag(inputs.image, github);
    const candidate = inputs.compareTo ? { reference: inputs.compareTo, engine: "never", origin: "compare-to" } : branchTag ? { reference: branchTag, engine: "never", origin: "base-branch" } : void 0;
    const location = snapshotLocation(inputs.image, inputs.platforms, deps.home, github.sha);
    const assembled = await assembleReport(
      { client, engine: deps.engine, logger, now: deps.now },
      {
        current: { reference, registry: result.pushed && result.digest ? `${repositoryOf(reference)}@${result.digest}` : null, engine: "alongside" },
        baselines: candidate ? [candidate] : [],
        // The snapshot stands in for a candidate missing or of another size kind; without one (not
        // a pull request, no compare-to) nothing is compared.
        ...candidate ? { snapshot: () => loadSnapshot(deps.cacheStore, location, logger) } : {},
        noBaselineReason: "not a pull request, and no compare-to image",
        bases: { uses: result.baseImages, unresolved: result.unresolvedBases ?? [] },
        platform: inputs.platforms[0],
        maxBaseAge: inputs.maxBaseAge,
        failOnSizeIncrease: inputs.failOnSizeIncrease
      }
    );
    const { report } = assembled;
    if (result.layerReuse) report.layerReuse = describeLayerReuse(result.layerReuse, result.layerReuse.previousImage);
    for (const a of annotationsFor(report.freshness)) logger.warning(a.message, a.properties);
    if (isDefaultBranchPush(github)) {
      const summaries = assembled.current.map((r) => r.summary);
      await saveSnapshot(deps.cacheStore, location, { format: "strata-baseline-v1", summaries, bases: assembled.currentBases, sha: github.sha }, logger);
    }
    return report;
  } catch (e) {
    logger.warning(`Image report not produced (the build is unaffected): ${e.message}`);
    return void 0;
  }
}
function enforceSizeCheck(report) {
  if (report?.sizeCheck?.status === "failed") throw new SizeIncreaseError(report.sizeCheck.message);
}
function isDefaultBranchPush(github) {
  return github.eventName === "push" && !!github.defaultBranch && github.ref === `refs/heads/${github.defaultBranch}`;
}

// src/run.ts
function runFacts(deps) {
  return {
    actionsCacheAvailable: deps.cacheStore.isAvailable(),
    cacheServiceV2: Boolean(deps.env.ACTIONS_CACHE_SERVICE_V2)
  };
}
async function decide(deps, inputs) {
  const contextFiles = await contextListing(deps.files, inputs.context);
  return detectMode({
    requested: inputs.mode,
    contextFiles,
    context: inputs.context,
    buildpackBuilder: inputs.buildpackBuilder,
    file: inputs.file ? { path: inputs.file, exists: await deps.files.read(inputs.file) !== void 0 } : void 0
  });
}
async function runMain(deps, inputs) {
  if (inputs.githubToken) deps.maskSecret(inputs.githubToken);
  if (inputs.registryPassword) deps.maskSecret(inputs.registryPassword);
  maskBuildSecrets(deps, inputs);
  try {
    await runSteps(deps, inputs);
  } catch (e) {
    if (e instanceof Error && inputs.secrets.length > 0) e.message = redactSecrets(e.message, secretValues(inputs.secrets, deps.env));
    throw e;
  }
}
async function runSteps(deps, inputs) {
  const { logger, outputs } = deps;
  if (inputs.rebase) return runRebase(deps, inputs);
  const commit = commitSeconds(deps.exec, inputs.context);
  const decision = await decide(deps, inputs);
  logger.info(`Mode: ${decision.mode} (${decision.reason})`);
  outputs.set("mode", decision.mode);
  outputs.set("mode-reason", decision.reason);
  const ignored = inputsIgnoredBy(decision.mode, inputs);
  if (ignored.length > 0) logger.warning(`These inputs do not apply in ${decision.mode} mode and are ignored: ${ignored.join(", ")}.`);
  const tags = resolveTags(inputs.image, inputs.tags, deps.github, inputs.tagLatest);
  if (inputs.call === "check") return runCheck(deps, inputs, decision, tags);
  const created = sourceDate({
    envEpoch: deps.env.SOURCE_DATE_EPOCH,
    gitCommitSeconds: await commit,
    headCommitTimestamp: deps.github.headCommitTimestamp,
    now: deps.now()
  });
  logger.info(describeSourceDate(created));
  let result;
  try {
    result = decision.mode === "dockerfile" ? await runDockerfile(deps, inputs, decision.dockerfile, tags, created) : await runBuildpack(deps, inputs, tags, created);
  } catch (e) {
    if (deps.report) await markReportOutdated({ ...deps.report, logger, github: deps.github }, inputs, "the build failed");
    throw e;
  }
  deps.state.set("build-succeeded", "true");
  outputs.set("image", result.tags[0] ?? "");
  outputs.set("tags", result.tags.join("\n"));
  outputs.set("digest", result.digest ?? "");
  outputs.set("image-id", result.imageId ?? "");
  outputs.set("metadata", JSON.stringify(result.metadata));
  logger.info(`Built ${result.tags.join(", ")}${result.digest ? ` (${result.digest})` : ""}`);
  if (result.layerReuse) {
    outputs.set("reused-layers", result.layerReuse.reused.join("\n"));
    logger.info(`Buildpack layers: ${describeLayerReuse(result.layerReuse, result.layerReuse.previousImage).replaceAll("`", "")}`);
  }
  for (const base of result.baseImages) {
    const on = base.platforms ? ` on ${base.platforms.join(", ")}` : "";
    logger.info(`Base image${base.runtime ? " (runtime)" : ""}${on}: ${base.reference}${base.digest && !base.reference.includes("@") ? `@${base.digest}` : ""}`);
  }
  if (deps.report) {
    const report = await logger.group("Image report", async () => {
      const made = await produceReport({ ...deps.report, engine: deps.engine, logger, github: deps.github, cacheStore: deps.cacheStore, now: deps.now }, inputs, result);
      await publishReport({ ...deps.report, logger, outputs, github: deps.github }, inputs, made);
      return made;
    });
    enforceSizeCheck(report);
  }
}
function maskBuildSecrets(deps, inputs) {
  for (const value of secretValues(inputs.secrets, deps.env)) deps.maskSecret(value);
}
async function runRebase(deps, inputs) {
  if (!deps.rebaseRegistry) throw new Error('Input "rebase" is not available here; use `strata rebase IMAGE` on the command line.');
  const tags = resolveTags(inputs.image, inputs.tags, deps.github, inputs.tagLatest);
  const { client, writer } = await deps.rebaseRegistry(inputs);
  const dryRun = !inputs.push;
  const result = await rebaseImage({ client, writer, image: tags[0], tags, logger: deps.logger, dryRun });
  deps.logger.info(result.message);
  if (result.status === "dry-run") deps.logger.info("push is false: the rebase was planned, nothing was pushed. Set push: true to move the tags.");
  for (const note of result.notes) deps.logger.info(`note: ${note}`);
  deps.outputs.set("mode", "rebase");
  deps.outputs.set("mode-reason", result.message);
  deps.outputs.set("rebased", String(result.status === "rebased"));
  deps.outputs.set("image", tags[0]);
  deps.outputs.set("tags", tags.join("\n"));
  deps.outputs.set("digest", result.status === "dry-run" ? result.previousDigest : result.digest);
}
async function runDockerfile(deps, inputs, dockerfile, tags, created) {
  const [builder, { bases, unresolved }] = await Promise.all([
    builderFacts(deps, inputs.buildxBuilder),
    resolveBaseImages({ ...deps, registryDigest: deps.registryDigest ? (ref) => deps.registryDigest(inputs, ref) : void 0 }, { dockerfile, inputs })
  ]);
  const cachePlan = planBuildkitCache(
    {
      cache: inputs.cache,
      backend: inputs.cacheBackend,
      cacheFrom: inputs.cacheFrom,
      cacheTo: inputs.cacheTo,
      noCache: inputs.noCache,
      image: inputs.image,
      platforms: inputs.platforms
    },
    builder,
    runFacts(deps)
  );
  if (cachePlan.kind !== "user") deps.logger.info(cachePlan.note);
  if (cachePlan.kind === "gha") deps.state.set(CACHE_POST_NOTE_STATE, cachePlan.postNote);
  const cache = cachePlan.kind === "local" ? await restoreCache(deps, inputs, { mode: "dockerfile", image: inputs.image, platforms: inputs.platforms }) : void 0;
  let cacheArgs = cache ? buildkitLocalCacheEntries(cache.spec.dir, { restored: cache.restored.hit !== "miss" }) : cacheArgsOf(cachePlan);
  if (cachePlan.kind === "gha" && !await ghaServiceAnswers(deps, cachePlan.scope)) cacheArgs = { cacheFrom: [], cacheTo: [] };
  const result = await withBuildCache(
    deps,
    cache,
    () => buildWithDockerfile(
      // The report's modules load once the build runs: before, they would take CPU from the
      // buildx probes the build waits for.
      { ...deps, onBuildStarted: deps.report?.warmUp },
      { inputs, dockerfile, tags, github: deps.github, builder, cachePlan: cacheArgs, tempDir: deps.tempDir, now: deps.now(), sourceDate: created },
      bases
    )
  );
  return unresolved.length > 0 ? { ...result, unresolvedBases: unresolved } : result;
}
async function runCheck(deps, inputs, decision, tags) {
  if (decision.mode !== "dockerfile") {
    throw new Error(`Input "call" is "check", which runs BuildKit's Dockerfile checks, but this build is in buildpack mode (${decision.reason}). Remove "call", or build a Dockerfile.`);
  }
  const builder = await builderFacts(deps, inputs.buildxBuilder);
  const verdict = await checkWithDockerfile(deps, {
    inputs,
    dockerfile: decision.dockerfile,
    tags,
    github: deps.github,
    builder,
    cachePlan: { cacheFrom: [], cacheTo: [] },
    tempDir: deps.tempDir,
    now: deps.now()
  });
  deps.outputs.set("check-findings", String(verdict.findings.length));
}
async function ghaServiceAnswers(deps, scope) {
  try {
    await deps.cacheStore.lookup(["strata-gha-preflight"], `strata-gha-preflight-${scope}`, []);
    return true;
  } catch (error) {
    deps.logger.warning(
      `Building without BuildKit's gha cache: the Actions cache service did not answer a lookup (${error instanceof Error ? error.message : String(error)}), and BuildKit would wait on it without a timeout.`
    );
    return false;
  }
}
async function restoreCache(deps, inputs, subject) {
  const spec = buildCacheSpec({
    subject,
    lockfiles: await readCacheKeyFiles(deps.files, inputs.context, subject.mode),
    ...runnerPlatform(deps.env)
  });
  const restored = await restoreForBuild(spec, { store: deps.cacheStore, logger: deps.logger, exec: deps.exec });
  deps.outputs.set("cache-hit", restored.hit);
  deps.outputs.set("cache-key", spec.keys.primary);
  return { spec, restored };
}
async function withBuildCache(deps, cache, build) {
  let result;
  try {
    result = await build();
  } catch (e) {
    if (cache) await settleAfterBuild(cache.spec, false);
    throw e;
  }
  if (cache) {
    await settleAfterBuild(cache.spec, true);
    deps.state.set(CACHE_STATE, JSON.stringify(cache));
  }
  return result;
}
async function runBuildpack(deps, inputs, tags, created) {
  const contextFiles = await contextListing(deps.files, inputs.context);
  const planning = await planBuildpack(deps.files, inputs, contextFiles);
  deps.logger.info(`Builder: ${planning.choice.builder} (${planning.choice.reason})`);
  deps.outputs.set("buildpack-builder", planning.choice.builder);
  if (!inputs.cache) deps.logger.info('Buildpack layer cache is off (input "cache" is false).');
  if (inputs.cache && inputs.cacheImage) deps.logger.info(`Buildpack layer cache: the cache image ${inputs.cacheImage} (input "cache-image"), not the Actions cache.`);
  const cache = inputs.cache && !inputs.cacheImage ? await restoreCache(deps, inputs, { mode: "buildpack", builder: planning.choice.builder }) : void 0;
  return withBuildCache(
    deps,
    cache,
    () => buildWithBuildpacks(
      // As in dockerfile mode: the report's modules load once the build runs.
      { ...deps, imageExists: deps.imageExists ? (ref) => deps.imageExists(inputs, ref) : void 0, onBuildStarted: deps.report?.warmUp },
      { inputs, tags, planning, cacheDir: cache?.spec.dir, tempDir: deps.tempDir, created, github: deps.github }
    )
  );
}

export {
  planBuildpack,
  resolveDockerfileBases,
  contextListing,
  decide,
  runMain
};
