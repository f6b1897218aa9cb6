import ArgumentParser
import DossierCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of agent files, for editors' YAML and JSON validation.",
        discussion: """
        Save it and point your editor at it, e.g. with yaml-language-server: \
        `# yaml-language-server: $schema=../agent.schema.json` at the top of an agent file, \
        or a `yaml.schemas` setting for `agents/*.yaml`.
        """
    )

    func run() throws {
        Console.out(Pipeline.agentSchema())
    }
}
