import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender
import Foundation
import Mustache

/// The templates, stylesheet and page texts a site is built from: the
/// defaults built into the program, with any file of `--templates DIR`
/// replacing the default of the same relative path.
public struct TemplateSet: Sendable {
    /// Every file by relative path (`agent.mustache`, `partials/head.mustache`, `style.css`, `intro/index.md`).
    package let files: [String: String]
    /// Files that came from the override folder, with their digest (for the manifest).
    package let overrides: [FileDigest]
    /// swift-mustache's library: checks that every template parses, and renders
    /// when a template uses more than the compiled engine knows.
    private let library: MustacheLibrary
    /// Every template compiled and linked for `TemplateRenderer`, or `nil` when one
    /// of them uses a feature only swift-mustache has (see `CompiledTemplate`).
    private let program: TemplateProgram?

    /// The built-in defaults.
    package static func defaults() throws -> TemplateSet {
        let (set, diagnostics) = build(files: DefaultTemplates.files, overrides: [], origin: [:])
        guard let set else { throw TemplateError(diagnostics: diagnostics) }
        return set
    }

    package struct TemplateError: Error, Sendable {
        package let diagnostics: [Diagnostic]
    }

    /// The defaults with the files of `folder` replacing them. A missing or
    /// unreadable folder is an I/O error; templates that do not parse are
    /// returned as diagnostics (and no set).
    package static func load(overriding folder: URL?) throws(InputOutputError) -> (TemplateSet?, [Diagnostic]) {
        var files = DefaultTemplates.files
        var overrides: [FileDigest] = []
        var origin: [String: String] = [:]
        if let folder {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputOutputError(path: folder.path, reason: "no such templates folder")
            }
            let paths = try FolderWalker().entries(under: folder).filter(\.isFileLike).map(\.path)
            for path in paths where path.hasSuffix(".mustache") || path.hasSuffix(".css") || path.hasSuffix(".md") {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
                    throw InputOutputError(path: folder.appendingPathComponent(path).path, reason: "cannot read the file")
                }
                let display = folder.appendingPathComponent(path).path
                guard let text = String(data: data, encoding: .utf8) else {
                    return (nil, [Diagnostic(at: SourceLocation(file: display), "invalid UTF-8 (files must be UTF-8 text)")])
                }
                files[path] = text
                origin[path] = display
                overrides.append(FileDigest(path: "templates/\(path)", sha256: Digest.sha256(Array(data)), bytes: data.count))
            }
        }
        return build(files: files, overrides: overrides, origin: origin)
    }

    private static func build(files: [String: String], overrides: [FileDigest], origin: [String: String]) -> (TemplateSet?, [Diagnostic]) {
        _ = HTMLEscaping.registered
        var templates: [String: MustacheTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, text) in files where path.hasSuffix(".mustache") {
            do {
                templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                let file = origin[path] ?? "templates/\(path)"
                diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: error.context.lineNumber, column: error.context.columnNumber),
                                              "template does not parse: \(error.error)"))
            } catch {
                diagnostics.append(Diagnostic(at: SourceLocation(file: origin[path] ?? "templates/\(path)"), "template does not parse: \(error)"))
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics.sorted { $0.location < $1.location }) }
        var compiled: [String: CompiledTemplate]? = [:]
        for (path, text) in files where path.hasSuffix(".mustache") {
            guard let template = CompiledTemplate(text) else {
                compiled = nil
                break
            }
            compiled?[String(path.dropLast(".mustache".count))] = template
        }
        return (TemplateSet(files: files, overrides: overrides, library: MustacheLibrary(templates: templates),
                            program: compiled.map(TemplateProgram.init)), [])
    }

    private init(files: [String: String], overrides: [FileDigest], library: MustacheLibrary, program: TemplateProgram?) {
        self.files = files
        self.overrides = overrides
        self.library = library
        self.program = program
    }

    /// Whether pages are rendered by the compiled engine (every template within its
    /// part of Mustache) rather than by swift-mustache.
    package var isCompiled: Bool { program != nil }

    /// The same set rendered by swift-mustache only (to compare the two engines).
    var withoutCompiledEngine: TemplateSet {
        TemplateSet(files: files, overrides: overrides, library: library, program: nil)
    }

    /// Renders the template `name` (without `.mustache`) with `context` (a page context of `PageContexts.swift`).
    func render(_ name: String, _ context: some TemplateObject) throws(MissingTemplate) -> String {
        String(decoding: try renderBytes(name, context), as: UTF8.self)
    }

    /// `render(_:_:)` as UTF-8 bytes, as the compiled engine writes them.
    func renderBytes(_ name: String, _ context: some TemplateObject) throws(MissingTemplate) -> [UInt8] {
        if let program {
            guard let bytes = program.render(name, context) else { throw MissingTemplate(name: name) }
            return bytes
        }
        return Array(try renderWithMustache(name, context).utf8)
    }

    /// Renders with swift-mustache, whatever the templates use (for templates beyond the
    /// compiled engine, and for tests that compare the two engines).
    func renderWithMustache(_ name: String, _ context: some TemplateObject) throws(MissingTemplate) -> String {
        guard let text = library.render(MustacheObject(object: context), withTemplate: name) else { throw MissingTemplate(name: name) }
        return text
    }

    package struct MissingTemplate: Error, Sendable, CustomStringConvertible {
        package let name: String
        package var description: String { "templates/\(name).mustache: no such template" }
    }

    /// A non-template file (stylesheet, Markdown text), or "" if there is none.
    package func text(_ path: String) -> String { files[path] ?? "" }
}
