import fs from 'node:fs';
import path from 'node:path';

export interface UploadFile {
  /** Path relative to the log folder, forward slashes: the key suffix. */
  rel: string;
  /** What to read: the file itself, or the target of a link that stays inside the folder. */
  abs: string;
  size: number;
  viaLink: boolean;
}

export interface UploadTree {
  files: UploadFile[];
  /** Links that lead outside the folder, dangling links, and linked folders: never followed. */
  skippedLinks: { rel: string; reason: string }[];
  exists: boolean;
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root + path.sep);
}

/**
 * Lists the files of an upload folder. Symlinks are followed only when their real target is a
 * file inside the folder; anything else (outside targets such as ~/.ssh, folders, dangling
 * links, devices) is skipped and reported.
 */
export function walkUpload(dir: string): UploadTree {
  const tree: UploadTree = { files: [], skippedLinks: [], exists: false };
  let root: string;
  try {
    root = fs.realpathSync(dir);
    if (!fs.statSync(root).isDirectory()) return tree;
  } catch {
    return tree;
  }
  tree.exists = true;
  const visit = (abs: string, rel: string): void => {
    for (const ent of fs.readdirSync(abs, { withFileTypes: true })) {
      const childAbs = path.join(abs, ent.name);
      const childRel = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) visit(childAbs, childRel);
      else if (ent.isFile()) tree.files.push({ rel: childRel, abs: childAbs, size: fs.lstatSync(childAbs).size, viaLink: false });
      else if (ent.isSymbolicLink()) {
        let target: string;
        try {
          target = fs.realpathSync(childAbs);
        } catch {
          tree.skippedLinks.push({ rel: childRel, reason: 'dangling link' });
          continue;
        }
        if (!inside(root, target)) tree.skippedLinks.push({ rel: childRel, reason: 'points outside the log folder' });
        else if (!fs.statSync(target).isFile()) tree.skippedLinks.push({ rel: childRel, reason: 'linked folders are not followed' });
        else tree.files.push({ rel: childRel, abs: target, size: fs.statSync(target).size, viaLink: true });
      }
    }
  };
  visit(root, '');
  tree.files.sort((a, b) => b.size - a.size);
  return tree;
}
