// SQLite compares text byte by byte; PostgreSQL compares it by the database's locale unless a
// column says otherwise. Giving every text column the "C" collation makes ordering, ranges and
// unique keys agree on both backends, whatever locale the PostgreSQL database was created with,
// and without each migration having to remember it.
import {
  ColumnDefinitionNode,
  OperationNodeTransformer,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

const collateC = sql`collate "C"`.toOperationNode();

class CollateTextTransformer extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    const type = column.dataType;
    if (type.kind !== 'DataTypeNode' || !('dataType' in type) || type.dataType !== 'text') {
      return column;
    }

    return ColumnDefinitionNode.cloneWithEndModifier(column, collateC);
  }
}

/** Adds `collate "C"` to every `text` column that a CREATE TABLE or ALTER TABLE defines. */
export class CollateTextPlugin implements KyselyPlugin {
  readonly #transformer = new CollateTextTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
